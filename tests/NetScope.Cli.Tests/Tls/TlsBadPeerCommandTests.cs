using NetScope.Core.Tests.Tls;
using NetScope.Core.Tests.Tls.Layer;

namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// <c>netscope tls</c> against peers that break the handshake (served from a reactor thread): one line on
/// stderr and the documented exit code for each.
/// </summary>
public sealed class TlsBadPeerCommandTests : IDisposable
{
    private readonly ReactorThread _peers = new();

    public void Dispose() => _peers.Dispose();

    [Fact]
    public async Task A_peer_that_answers_in_http_exits_26_and_shows_what_it_sent()
    {
        var port = await Peers.ListenTcpAsync(_peers, () => new Recorder
        {
            OnData = (r, _) => r.Transport.Write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"u8),
        });

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost");

        Assert.Equal(26, run.ExitCode);
        Assert.Equal([$"netscope: TLS handshake with 127.0.0.1:{port}: peer is not speaking TLS: it sent an HTTP response: \"HTTP/1.1 400 Bad Request\""], run.StderrLines);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task A_peer_that_resets_during_the_handshake_exits_20()
    {
        var port = await Peers.ListenTcpAsync(_peers, () => new Recorder { OnData = (r, _) => r.Transport.AbortConnection() });

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost");

        Assert.Equal(20, run.ExitCode);
        Assert.Equal(
            [$"netscope: TLS handshake with 127.0.0.1:{port}: peer reset the connection (connection reset by peer) during the handshake, before answering the ClientHello"],
            run.StderrLines);
    }

    [Fact]
    public async Task A_peer_that_never_answers_exits_24_after_the_timeout()
    {
        var port = await Peers.ListenTcpAsync(_peers, () => new Silent());

        var run = await CliRun.NetScopeAsync("tls", $"127.0.0.1:{port}", "--servername", "localhost", "--timeout", "1");

        Assert.Equal(24, run.ExitCode);
        Assert.Equal(
            [$"netscope: TLS handshake with 127.0.0.1:{port}: TLS handshake timed out after 1s: the server sent nothing in answer to the ClientHello"],
            run.StderrLines);
    }

    [Fact]
    public async Task A_peer_that_closes_without_close_notify_after_the_handshake_exits_20_saying_so()
    {
        var serverOptions = new Core.Tls.TlsServerOptions(TestCertificates.Instance.Localhost);
        var port = await _peers.InvokeAsync(() => ((System.Net.IPEndPoint)Core.Tls.TlsReactorExtensions.ListenSsl(
            _peers.Reactor,
            0,
            Core.Protocols.Factory.ForProtocol(() => new Recorder
            {
                OnHandshake = r =>
                {
                    r.Transport.Write("cut\n"u8);
                    r.Tls().LowerTransport.LoseConnection();
                },
            }),
            serverOptions,
            bindAddress: "127.0.0.1").GetHost()).Port);

        var run = await CliRun.NetScopeAsync(
            "tls", $"127.0.0.1:{port}", "--servername", "localhost", "--ca", TestCertificates.Instance.CaPem, "--send", "", "--linger", "10");

        Assert.Equal(20, run.ExitCode);
        Assert.Equal(["cut"], run.StdoutLines);
        Assert.Equal(
            $"netscope: TLS session with 127.0.0.1:{port}: peer closed the connection without close_notify: the data may be truncated",
            run.StderrLines[^1]);
        // The summary, then the one error line. (A "session resumed" field may appear: the runs share the
        // process's TLS session cache, so an earlier test's session with this CA can be resumed.)
        Assert.StartsWith($"netscope: TLS handshake with 127.0.0.1:{port} done in ", run.StderrLines[0]);
        Assert.All(run.StderrLines.Skip(1).SkipLast(1), line => Assert.StartsWith("  ", line));
        Assert.Contains(run.StderrLines, line => line.StartsWith("  verification ok: ", StringComparison.Ordinal));
    }
}
