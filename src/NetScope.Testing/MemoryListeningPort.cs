using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Transports;

namespace NetScope.Testing;

/// <summary>
/// The listening port <see cref="MemoryReactor.ListenTcp"/> returns: it accepts nothing by
/// itself; a test calls <see cref="Accept"/> to play an incoming connection. Like a real port
/// it calls the factory's <c>DoStart</c> when it starts listening and <c>DoStop</c> when it stops.
/// </summary>
public sealed class MemoryListeningPort : IListeningPort
{
    private readonly EndPoint _host;

    internal MemoryListeningPort(IProtocolFactory factory, EndPoint host)
    {
        Factory = factory;
        _host = host;
    }

    /// <summary>The factory that builds a protocol for each accepted connection.</summary>
    public IProtocolFactory Factory { get; }

    /// <summary><see langword="true"/> between <see cref="StartListening"/> and <see cref="StopListening"/>.</summary>
    public bool Listening { get; private set; }

    /// <summary>How many times <see cref="StopListening"/> has been called.</summary>
    public int StopListeningCalls { get; private set; }

    /// <inheritdoc/>
    public void StartListening()
    {
        if (Listening)
        {
            return;
        }

        Listening = true;
        Factory.DoStart();
    }

    /// <summary>Stops listening (the factory's <c>DoStop</c> runs); the Deferred has already fired.</summary>
    public Deferred StopListening()
    {
        StopListeningCalls++;
        if (Listening)
        {
            Listening = false;
            Factory.DoStop();
        }

        return Deferred.Succeed<object?>(null);
    }

    /// <inheritdoc/>
    public EndPoint GetHost() => _host;

    /// <summary>
    /// Plays an accepted connection from <paramref name="peer"/>: builds a protocol with the
    /// factory and connects it to <paramref name="transport"/> (a new <see cref="StringTransport"/>
    /// between this port's address and <paramref name="peer"/> if omitted).
    /// </summary>
    /// <returns>The protocol, or <see langword="null"/> if the factory refused the connection.</returns>
    /// <exception cref="InvalidOperationException">The port is not listening.</exception>
    public IProtocol? Accept(EndPoint peer, ITransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(peer);
        if (!Listening)
        {
            throw new InvalidOperationException("The port is not listening.");
        }

        var protocol = Factory.BuildProtocol(peer);
        protocol?.MakeConnection(transport ?? new StringTransport(_host, peer));
        return protocol;
    }
}
