using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>A TCP destination to connect to (Twisted's <c>TCP4ClientEndpoint</c> and <c>TCP6ClientEndpoint</c> in one).</summary>
public sealed class TcpClientEndpoint : IStreamClientEndpoint
{
    private readonly IReactorTcp _reactor;

    /// <summary>Creates the endpoint (arguments as for <see cref="IReactorTcp.ConnectTcp"/>).</summary>
    public TcpClientEndpoint(IReactorTcp reactor, string host, int port, double timeoutSeconds = 30, IPEndPoint? bindAddress = null)
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Host = host ?? throw new ArgumentNullException(nameof(host));
        Port = port;
        TimeoutSeconds = timeoutSeconds;
        BindAddress = bindAddress;
    }

    /// <summary>The host to connect to (a name or a literal address).</summary>
    public string Host { get; }

    /// <summary>The port to connect to.</summary>
    public int Port { get; }

    /// <summary>How long an attempt may take, in seconds.</summary>
    public double TimeoutSeconds { get; }

    /// <summary>The local address to connect from, if any.</summary>
    public IPEndPoint? BindAddress { get; }

    /// <summary>
    /// Connects a protocol built by <paramref name="factory"/>. The Deferred fires with it once
    /// connected, or fails with the typed connect error; cancelling it before then stops the
    /// attempt and fails it with <see cref="Errors.ConnectingCancelledException"/>.
    /// </summary>
    public Deferred<IProtocol> Connect(IProtocolFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var wrapping = new WrappingFactory(factory);
        try
        {
            _reactor.ConnectTcp(Host, Port, wrapping, TimeoutSeconds, BindAddress);
        }
        catch (Exception exception)
        {
            var failed = new Deferred<IProtocol>();
            failed.Errback(exception);
            return failed;
        }

        return wrapping.OnConnection;
    }

    /// <inheritdoc/>
    public override string ToString() => $"tcp:{Host}:{Port}";
}
