using System.Collections.Concurrent;
using NetScope.Core.Transports;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>Notes the local address of the connection each request went out on, to count connections from the client's side.</summary>
internal sealed class ConnectionLog : IHttpExchangeObserver
{
    private readonly ConcurrentQueue<string> _connections = new();

    public HttpExchangeOptions Options => new() { Observer = this };

    /// <summary>How many different connections carried the requests.</summary>
    public int Distinct => _connections.Distinct().Count();

    public void ConnectionReady(ITransport transport, bool reused) => _connections.Enqueue(transport.GetHost().ToString() ?? "?");

    public void PhaseReached(HttpPhase phase, double secondsSinceStart)
    {
    }

    public void RequestHeadSent(ReadOnlySpan<byte> head)
    {
    }

    public void RequestBodySent(ReadOnlySpan<byte> data)
    {
    }

    public void ResponseDataReceived(ReadOnlySpan<byte> data)
    {
    }

    public void ResponseHeadReceived(HttpResponseHead head)
    {
    }

    public void Finished(Exception? error)
    {
    }
}
