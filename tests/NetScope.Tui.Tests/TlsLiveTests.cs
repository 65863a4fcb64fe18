using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Transcripts;
using NetScope.Tui.Model;
using NetScope.Tui.Views;

namespace NetScope.Tui.Tests;

/// <summary>TLS from the UI: a TLS listener with a generated certificate, a TLS session to it (with SNI and ALPN from the dialog's fields), and STARTTLS on a plain one.</summary>
public sealed class TlsLiveTests
{
    [Fact]
    public async Task ATlsSessionToATlsEchoListenerIsSecureEchoesAndShowsItsHandshakeInTheTransportTab()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var listener = await live.Commands.Listen(live.Catalog, new ListenRequest("echo", "127.0.0.1", 0, true) { Tls = true });
        var address = (await live.Host.Workspace.SnapshotAsync()).Listeners.Single(l => l.Id == listener).Address!;
        var request = new OpenRequest("tls", HostPort.Parse(address), StreamMode.Line, "\r\n"u8.ToArray())
        {
            Insecure = true,
            ServerName = "localhost",
            ApplicationProtocols = ["x-netscope", "h2"],
        };
        var session = await live.Commands.Open(live.Catalog.FindSession("tls")!.Create(request));
        live.Feed.Selected = session;
        live.RefreshUntil(f => f.Rows.Any(r => r.Id == session && r.Status == EntryStatus.Secure), "the session secure");
        await live.Commands.SendLine(session, "over tls");
        var frame = live.RefreshUntil(f => f.Transcript is { TotalReceived: 10 } && f.Detail?.Session is not null, "the echo");

        var transport = new TransportPane(Headless.Colour).Build(frame.Detail, frame.Rows.Single(r => r.Id == session), 40).Select(l => l.Text).ToArray();
        Assert.Contains("state           secure", transport);
        Assert.Contains(transport, l => l.StartsWith("  version       TLS", StringComparison.Ordinal));
        Assert.Contains(transport, l => l.StartsWith("  cipher        ", StringComparison.Ordinal));
        Assert.Contains(transport, l => l.StartsWith("tls transport #", StringComparison.Ordinal));
        Assert.Contains("  sni           localhost", transport);
        Assert.Contains("  alpn          none agreed (offered x-netscope, h2)", transport);
        Assert.Contains("  peer chain    1 certificate", transport);
        Assert.Contains("  [0] subject   CN=localhost", transport);
        Assert.Contains("  [0] key       ECDSA P-256, 256 bits", transport);
        Assert.Contains("  verification  FAILED, not enforced", transport);
        Assert.Equal('◆', EntryListView.Symbol(EntryStatus.Secure, Theme.Symbols.Unicode));
    }

    [Fact]
    public async Task StartTlsOnAPlainSessionStartsTheHandshakeAndTheTranscriptSaysHowItWent()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (_, address) = await live.ListenAsync("echo", line: false);
        var session = await live.Commands.OpenTcp(new Sessions.Kinds.TcpSessionRequest(HostPort.Parse(address)));
        await live.WhenOpenAsync(session);
        live.Feed.Selected = session;

        await live.Commands.StartTls(session, insecure: true);
        var frame = live.RefreshUntil(f => Notes(f).Any(n => n.StartsWith("TLS handshake failed: ", StringComparison.Ordinal)), "the handshake against an echo server failing");

        Assert.Equal("starting TLS", Notes(frame)[0]);
        Assert.Contains(frame.Detail!.Session!.Transports, t => t.Kind == "tls");
    }

    [Fact]
    public async Task StartTlsIsRefusedForASessionThatIsNotAnOpenPlaintextConnectionOpenedHere()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (listener, address) = await live.ListenAsync("echo");
        var session = await live.Commands.OpenTcp(new Sessions.Kinds.TcpSessionRequest(HostPort.Parse(address)));
        await live.WhenOpenAsync(session);
        var accepted = live.RefreshUntil(f => f.Rows.Any(r => r.ListenerId == listener), "the accepted end").Rows.Single(r => r.ListenerId == listener).Id;

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => live.Commands.StartTls(accepted, insecure: true));
        Assert.Equal($"#{accepted} was not opened from here (only sessions opened in this window can start TLS)", refused.Message);
        Assert.Contains(live.Log.Lines(), l => l.Severity == LogSeverity.Error && l.Text == $"start TLS on #{accepted}: #{accepted} was not opened from here (only sessions opened in this window can start TLS)");
    }

    private static List<string> Notes(ModelFrame frame)
    {
        var lines = new List<TranscriptLine>();
        frame.Transcript?.GetLines(TranscriptMode.Text, 0, 100, lines);
        return lines.Where(l => l.Kind == TranscriptLineKind.Note && l.Direction == Direction.Note).Select(l => l.Text!).Where(t => t.Contains("TLS", StringComparison.Ordinal)).ToList();
    }
}
