using System.Runtime.InteropServices;
using System.Text.Json;
using NetScope.Cli.Tests.Support;
using NetScope.Sessions.Tests.Support;

namespace NetScope.Cli.Tests.Observation;

/// <summary>
/// A TLS listener's accepted session is traced as two layers, as a TLS client session is: the
/// TCP connection at layer 0 (its TCP_INFO and the encrypted bytes) and the TLS layer above it.
/// </summary>
public sealed class TlsListenerTraceTests
{
    [Fact]
    public async Task AnAcceptedTlsSessionShowsItsTcpTransportUnderItsTlsLayer()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-tls-listen-trace-{Guid.NewGuid():N}.jsonl");
        try
        {
            await using var listen = ChildProcess.NetScopeWithDefaultSignals("listen", "echo", "--tls", "--trace", path);
            var first = await listen.Stdout.LineAtAsync(0);
            var address = first.Split(' ')[2];
            var port = address[(address.LastIndexOf(':') + 1)..];

            var client = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--insecure", "--send", @"ping\n", "--expect", "ping", "--linger", "0")
                .WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal((0, "ping"), (client.ExitCode, client.Stdout.TrimEnd('\n')));
            listen.Signal(PosixSignal.SIGINT);
            Assert.Equal(0, await listen.ExitAsync());

            var lines = File.ReadAllLines(path);
            Assert.All(lines, line => Assert.Empty(TraceSchema.Check(line)));
            var events = lines.Select(line => JsonDocument.Parse(line).RootElement).ToArray();
            string Type(JsonElement e) => e.GetProperty("type").GetString()!;
            var session = events.First(e => Type(e) == "session.opened" && e.GetProperty("kind").GetString() == "echo").GetProperty("session").GetInt32();
            var ofSession = events.Where(e => e.TryGetProperty("session", out var s) && s.GetInt32() == session).ToArray();

            var transports = ofSession.Where(e => Type(e) == "transport.opened")
                .Select(e => (Kind: e.GetProperty("kind").GetString(), Layer: e.GetProperty("layer").GetInt32(), Id: e.GetProperty("transport").GetInt32()))
                .ToArray();
            Assert.Equal([("tcp", 0), ("tls", 1)], transports.Select(t => (t.Kind, t.Layer)));
            var tcp = transports[0].Id;
            var tls = transports[1].Id;
            Assert.All(ofSession.Where(e => Type(e) == "tcp.info"), e => Assert.Equal(tcp, e.GetProperty("transport").GetInt32()));
            long Total(int transport, string field) => ofSession
                .Where(e => Type(e) == "transport.bytes" && e.GetProperty("transport").GetInt32() == transport)
                .Select(e => e.GetProperty(field).GetInt64())
                .DefaultIfEmpty(0)
                .Max();
            Assert.Equal((5, 5), (Total(tls, "total_in"), Total(tls, "total_out"))); // "ping\n" each way, in plaintext
            Assert.True(Total(tcp, "total_in") > 200, "the TCP layer carries the handshake and the records");
            Assert.True(Total(tcp, "total_out") > 200, "the TCP layer carries the certificate and the records");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
