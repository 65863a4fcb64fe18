using NetScope.Sessions.Transcripts;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Views;
using NetScope.Web.Client;
using NetScope.Web.Http;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScope.Tui.Tests;

/// <summary>Http sessions in the whole window, against the workspace's own HTTP listener (echo) on loopback.</summary>
public sealed class HttpSessionLiveTests : IAsyncLifetime
{
    private LiveWorkspace _live = null!;
    private string _address = string.Empty;

    public async Task InitializeAsync()
    {
        _live = await LiveWorkspace.StartAsync();
        (_, _address) = await _live.ListenAsync("http");
    }

    public async Task DisposeAsync() => await _live.DisposeAsync();

    [Fact]
    public async Task ARequestShowsItsHeadAndBodySentAndTheStatusLineHeadersAndBodyReceivedAndItsHttpPhasesInTiming()
    {
        var session = await Open(Post());
        Run(session, (app, window, _) =>
        {
            var screen = Headless.Trimmed(app);
            foreach (var expected in new[]
            {
                "→ POST /form?x=1 HTTP/1.1\\r\\n",
                $"→ Host: {_address}\\r\\n",
                "→ X-Test: yes\\r\\n",
                "→ Content-Length: 3\\r\\n",
                "→ a=1",
                "← HTTP/1.1 200 OK\\r\\n",
                "← Content-Type: text/plain; charset=utf-8\\r\\n",
                "← POST /form?x=1 HTTP/1.1\\n",
                "← X-Test: yes\\n",
                "← Body: 3 bytes\\n",
                "· response complete: 200 OK",
            })
            {
                Assert.Contains(screen, r => r.Contains(expected, StringComparison.Ordinal));
            }

            Assert.Contains(screen, r => r.Contains($"Transcript #{session} http POST http://{_address}/form?x=1", StringComparison.Ordinal));
            Assert.Contains(screen, r => r.Contains("state           closed: response complete: 200 OK", StringComparison.Ordinal));

            app.InjectKey(Key.D3.WithAlt);
            app.LayoutAndDraw();
            screen = Headless.Trimmed(app);
            Assert.Contains(screen, r => r.Contains("[Timing]", StringComparison.Ordinal));
            foreach (var phase in new[] { "connect", "first byte sent", "first byte received", "request sent", "headers received", "body received", "total" })
            {
                Assert.Contains(screen, r => System.Text.RegularExpressions.Regex.IsMatch(r, $@"│{phase} +\d+\.\d m?s"));
            }

            Assert.Contains(screen, r => System.Text.RegularExpressions.Regex.IsMatch(r, @"│tls +- +- +│"));
        });
    }

    [Fact]
    public async Task RIsRepeatTheRequestAsANewSessionWithTheSameHeadersAndBody()
    {
        var session = await Open(Post());
        Run(session, (app, window, _) =>
        {
            Assert.True(window.List.HasFocus);
            Assert.Contains(window.Status.Keys, k => k.Key == "r" && k.Label == "Repeat");
            app.InjectKey(KeyMap.ToggleMode);
            Assert.Equal($"repeating #{session}: POST http://{_address}/form?x=1", window.Status.Message);

            var frame = _live.RefreshUntil(f => f.Rows.Any(r => IsRequest(r) && r.Id > session && r.Ended), "the repeated request answered");
            var repeated = frame.Rows.Single(r => IsRequest(r) && r.Id > session);
            Assert.Equal(($"POST http://{_address}/form?x=1", "response complete: 200 OK"), (repeated.Target, repeated.Reason));
            _live.Feed.Selected = repeated.Id;
            frame = _live.RefreshUntil(f => f.Transcript?.EntryId == repeated.Id && Text(f).Contains("response complete: 200 OK"), "the repeated transcript");
            Assert.Contains("X-Test: yes\r\n", Text(frame), StringComparison.Ordinal);
            Assert.Contains("Body: 3 bytes\n", Text(frame), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task TypingIntoAnHttpSessionSendsNothingAndSaysWhyAndWhatToDoInstead()
    {
        var session = await Open(Post());
        Run(session, (app, window, frame) =>
        {
            var sent = frame.Rows.Single(r => r.Id == session).BytesOut;
            app.InjectKey(Key.Enter);
            Assert.True(window.Input.Field.HasFocus);
            Assert.Equal($"#{session} is an http request: it takes no input; r repeats it, F2 opens a new request", window.Status.Message);
            foreach (var c in "hello")
            {
                app.InjectKey(new Key(c));
            }

            window.Status.SetMessage(string.Empty);
            app.InjectKey(Key.Enter);

            Assert.Equal($"#{session} is an http request: it takes no input; r repeats it, F2 opens a new request", window.Status.Message);
            Assert.Equal(sent, _live.RefreshUntil(_ => true, "a frame").Rows.Single(r => r.Id == session).BytesOut);
        });
    }

    [Fact]
    public async Task TheTranscriptKeepsBodiesUpToTheRequestsLimitAndCountsTheRest()
    {
        // The echo answers with the request and its body: 1 MiB each way, more than one read.
        const int Size = 1024 * 1024;
        var session = await Open(Post() with { Body = new byte[Size], TranscriptBodyLimit = 10 });
        _live.Feed.Selected = session;
        var frame = _live.RefreshUntil(f => f.Transcript?.EntryId == session && Text(f).Contains("response complete: 200 OK"), "the response");
        var text = Text(frame);

        Assert.Contains("HTTP/1.1 200 OK\r\n", text, StringComparison.Ordinal);
        Assert.Contains($"request body: {Size - 10} more bytes sent, not recorded", text, StringComparison.Ordinal);
        Assert.Matches(@"response body: \d+ more bytes received, not recorded", text);
        Assert.True(frame.Transcript!.TotalReceived < Size, $"{frame.Transcript.TotalReceived} bytes recorded");
    }

    [Fact]
    public async Task ARequestToAPeerThatNeverAnswersEndsAtItsTimeoutAndSaysSo()
    {
        var (_, silent) = await _live.ListenAsync("discard", line: false);
        // The timeout covers the whole exchange, connecting included, like curl --max-time: it is
        // long enough for a loaded machine to connect and send, so the request is in the transcript.
        var request = new HttpRequestSpec("GET", HttpUrl.Parse($"http://{silent}/")) { TimeoutSeconds = 2 };
        var session = await Open(request);
        _live.Feed.Selected = session;

        var frame = _live.RefreshUntil(f => f.Rows.Any(r => r.Id == session && r.Ended), "the request timing out");

        var row = frame.Rows.Single(r => r.Id == session);
        Assert.Equal(EntryStatus.Failed, row.Status);
        var ended = _live.RefreshUntil(f => f.Transcript?.EntryId == session && Text(f).Contains("no response within 2 s"), "the timeout in the transcript");
        Assert.Contains("GET / HTTP/1.1\r\n", Text(ended), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestThroughAProxyGoesToItInAbsoluteForm()
    {
        // The echo listener stands in for the proxy: it answers with the request line it was sent.
        var request = new HttpRequestSpec("GET", HttpUrl.Parse("http://origin.invalid/via?x=1")) { Proxy = HttpProxy.Parse(_address) };
        var session = await Open(request);
        _live.Feed.Selected = session;

        var frame = _live.RefreshUntil(f => f.Transcript?.EntryId == session && Text(f).Contains("response complete: 200 OK"), "the response");

        var text = Text(frame);
        Assert.StartsWith("GET http://origin.invalid/via?x=1 HTTP/1.1\r\nHost: origin.invalid\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\nGET http://origin.invalid/via?x=1 HTTP/1.1\n", text, StringComparison.Ordinal);
    }

    private static bool IsRequest(EntryRow row) => row is { Kind: "http", IsListener: false, ListenerId: null };

    private HttpRequestSpec Post()
    {
        var headers = new HttpHeaders();
        headers.Add("X-Test", "yes");
        return new HttpRequestSpec("POST", HttpUrl.Parse($"http://{_address}/form?x=1")) { Headers = headers, Body = "a=1"u8.ToArray() };
    }

    private Task<long> Open(HttpRequestSpec http) => _live.Commands.Open(_live.Catalog.FindSession("http")!.Create(OpenRequest.ForHttp(http)));

    /// <summary>The transcript's entries as text (data and notes in order), to find what it recorded.</summary>
    private static string Text(ModelFrame frame)
    {
        var lines = new List<TranscriptLine>();
        frame.Transcript?.GetLines(TranscriptMode.Text, 0, 1000, lines);
        return string.Concat(lines.Select(l => l.Direction == Direction.Note ? l.Text + "\n" : System.Text.Encoding.Latin1.GetString(l.Bytes.Span)));
    }

    /// <summary>The window at 200x50 over the workspace with <paramref name="session"/> selected once it has ended (its transcript and details shown).</summary>
    private void Run(long session, Action<IApplication, MainWindow, ModelFrame> test)
    {
        using var app = Headless.Create(200, 50);
        using var window = new MainWindow(Headless.Colour, _live.Feed, _live.Commands, _live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        window.Apply(_live.RefreshUntil(f => f.Rows.Any(r => r.Id == session && r.Ended), "the response complete"));
        window.List.Select(session);
        var frame = _live.RefreshUntil(
            f => f.Detail?.EntryId == session && f.Transcript?.EntryId == session && Text(f).Contains("response complete"),
            "the session's transcript and details");
        window.Apply(frame);
        app.LayoutAndDraw();
        test(app, window, frame);
        app.End(token);
    }
}
