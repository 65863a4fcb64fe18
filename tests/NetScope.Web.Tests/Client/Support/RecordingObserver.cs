using System.Globalization;
using System.Text;
using NetScope.Core.Transports;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Client.Support;

/// <summary>Writes every observer call as one line, for asserting the whole sequence.</summary>
internal sealed class RecordingObserver : IHttpExchangeObserver
{
    public List<string> Events { get; } = [];

    public void ConnectionReady(ITransport transport, bool reused) => Events.Add($"connection reused={reused}");

    public void PhaseReached(HttpPhase phase, double secondsSinceStart) =>
        Events.Add(string.Create(CultureInfo.InvariantCulture, $"phase {phase} {secondsSinceStart}"));

    public void RequestHeadSent(ReadOnlySpan<byte> head) => Events.Add($"head sent {Encoding.Latin1.GetString(head).Split("\r\n")[0]}");

    public void RequestBodySent(ReadOnlySpan<byte> data) => Events.Add($"body sent {Encoding.Latin1.GetString(data)}");

    public void ResponseDataReceived(ReadOnlySpan<byte> data) => Events.Add($"received {data.Length}");

    public void ResponseHeadReceived(HttpResponseHead head) => Events.Add($"head received {head}");

    public void Finished(Exception? error) => Events.Add(error is null ? "finished" : $"failed {error.GetType().Name}: {error.Message}");
}
