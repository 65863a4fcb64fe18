using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Testing;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Client.Support;

/// <summary>
/// An <see cref="HttpAgent"/> on a <see cref="MemoryReactor"/>: the test completes each connection attempt by
/// hand, reads what the client wrote from the connection's transport, and plays the server's bytes.
/// </summary>
internal sealed class ClientHarness
{
    public ClientHarness(HttpAgentOptions? options = null, Func<MemoryReactor, HttpConnectionPool>? pool = null)
    {
        Reactor = new MemoryReactor();
        Agent = new HttpAgent(Reactor, (options ?? new HttpAgentOptions()) with { Pool = pool?.Invoke(Reactor) ?? new HttpConnectionPool(Reactor) });
    }

    public MemoryReactor Reactor { get; }

    public HttpAgent Agent { get; }

    public List<ServerSide> Connections { get; } = [];

    /// <summary>How many connection attempts the agent started.</summary>
    public int Attempts => Reactor.TcpClients.Count;

    /// <summary>Completes attempt <paramref name="index"/> with a fresh in-memory connection (and lets the Deferred fire).</summary>
    public ServerSide Accept(int index)
    {
        var call = Reactor.TcpClients[index];
        var transport = new StringTransportWithDisconnection(lenient: true, clock: Reactor.Clock);
        var protocol = call.Connector.Complete(transport) ?? throw new InvalidOperationException("the factory refused the connection");
        transport.Protocol = protocol;
        Reactor.Advance(0);
        var side = new ServerSide(call.Host, call.Port, transport, protocol);
        Connections.Add(side);
        return side;
    }

    /// <summary>Completes the newest attempt.</summary>
    public ServerSide AcceptLatest() => Accept(Attempts - 1);

    public static Deferred<HttpResponse> Get(IHttpAgent agent, string url, HttpHeaders? headers = null, HttpExchangeOptions? options = null) =>
        agent.Request("GET", url, headers, null, options);

    /// <summary>The outcome of a Deferred that has fired: its value, or throws its failure's exception.</summary>
    public static T Result<T>(Deferred<T> deferred)
    {
        Assert.True(deferred.Called, $"{deferred} has not fired");
        object? outcome = null;
        deferred.AddBoth(result =>
        {
            // A value stays in the chain (the test may read it again); a failure is taken out of it.
            outcome = result;
            return result is Failure ? null : result;
        });
        if (outcome is Failure failure)
        {
            failure.RaiseException();
        }

        return (T)outcome!;
    }

    /// <summary>The exception a fired Deferred failed with.</summary>
    public static TException Failure<TException>(Deferred deferred)
        where TException : Exception
    {
        Assert.True(deferred.Called, $"{deferred} has not fired");
        Exception? error = null;
        deferred.AddBoth(result =>
        {
            error = (result as Failure)?.Value;
            return null;
        });
        return Assert.IsAssignableFrom<TException>(error);
    }

    /// <summary>One connection as the server sees it.</summary>
    internal sealed class ServerSide
    {
        public ServerSide(string host, int port, StringTransportWithDisconnection transport, IProtocol protocol)
        {
            Host = host;
            Port = port;
            Transport = transport;
            Protocol = protocol;
        }

        public string Host { get; }

        public int Port { get; }

        public StringTransportWithDisconnection Transport { get; }

        public IProtocol Protocol { get; }

        /// <summary>What the client wrote, as Latin-1 text, and forgets it.</summary>
        public string TakeWritten()
        {
            var text = Encoding.Latin1.GetString(Transport.Value());
            Transport.Clear();
            return text;
        }

        /// <summary>Plays the server's bytes (Latin-1 text).</summary>
        public void Send(string text) => Protocol.DataReceived(Encoding.Latin1.GetBytes(text));

        public void Send(byte[] bytes) => Protocol.DataReceived(bytes);

        /// <summary>The server closes the connection cleanly.</summary>
        public void Close() => Transport.LoseConnection();

        /// <summary>The server resets the connection.</summary>
        public void Reset() => Protocol.ConnectionLost(new Failure(new Core.Errors.ConnectionResetException("connection reset by peer")));
    }
}
