using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>A TCP port to listen on (Twisted's <c>TCP4ServerEndpoint</c> and <c>TCP6ServerEndpoint</c> in one).</summary>
public sealed class TcpServerEndpoint : IStreamServerEndpoint
{
    private readonly IReactorTcp _reactor;

    /// <summary>
    /// Creates the endpoint: <paramref name="port"/> (0 for any free one) on
    /// <paramref name="bindAddress"/> ("" for every IPv4 address, "::" for every IPv6 address,
    /// or a literal address).
    /// </summary>
    public TcpServerEndpoint(IReactorTcp reactor, int port, int backlog = 511, string bindAddress = "")
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        Port = port;
        Backlog = backlog;
        BindAddress = bindAddress ?? throw new ArgumentNullException(nameof(bindAddress));
    }

    /// <summary>The port to listen on.</summary>
    public int Port { get; }

    /// <summary>The listen backlog.</summary>
    public int Backlog { get; }

    /// <summary>The address to bind.</summary>
    public string BindAddress { get; }

    /// <summary>Listens now; the Deferred has already fired with the port or failed (with <see cref="Errors.CannotListenException"/>, or the argument error).</summary>
    public Deferred<IListeningPort> Listen(IProtocolFactory factory)
    {
        var result = new Deferred<IListeningPort>();
        IListeningPort port;
        try
        {
            port = _reactor.ListenTcp(Port, factory, Backlog, BindAddress);
        }
        catch (Exception exception)
        {
            result.Errback(exception);
            return result;
        }

        result.Callback(port);
        return result;
    }

    /// <inheritdoc/>
    public override string ToString() => $"tcp:{Port}:interface={BindAddress}";
}
