using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScope.Tui.Tests;

/// <summary>The whole window over a real workspace on loopback, driven with injected keys on Terminal.Gui's headless driver.</summary>
public sealed class MainWindowLiveTests
{
    [Fact]
    public async Task AnEmptyWorkspaceShowsTheOneLineHintOnHowToStartOnOneLineAt160Columns()
    {
        await using var live = await LiveWorkspace.StartAsync();
        using var app = Headless.Create(160, 30);
        using var window = new MainWindow(Headless.Colour, live.Feed, live.Commands, live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        window.Apply(live.Feed.Latest);
        app.LayoutAndDraw();

        var screen = Headless.Trimmed(app);
        var transcript = screen[1..^2].Select(r => r[(r.IndexOf("││", StringComparison.Ordinal) + 2)..r.LastIndexOf("││", StringComparison.Ordinal)].TrimEnd()).ToArray();
        Assert.Equal("Empty workspace: F2 session, F3 listener, F1 keys", transcript[0]);
        Assert.All(transcript[1..^1], row => Assert.Equal(string.Empty, row));
        Assert.Equal(" F2 Session  F3 Listener  Enter Type  d Close  x Hex  / Search  F1 Help  ^P Palette  ^Q Quit", screen[^1]);
        app.End(token);
    }

    [Fact]
    public async Task TypingALineIntoASessionToAnEchoListenerShowsItSentAndEchoedInTheTranscript()
    {
        await using var live = await LiveWorkspace.StartAsync();
        var (_, address) = await live.ListenAsync("echo");
        var session = await live.Commands.OpenTcp(new Sessions.Kinds.TcpSessionRequest(Sessions.Targets.HostPort.Parse(address)));
        using var app = Headless.Create(150, 30);
        using var window = new MainWindow(Headless.Colour, live.Feed, live.Commands, live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        window.SelectWhenShown(session);
        var frame = live.RefreshUntil(f => f.Rows.Any(r => r.Id == session && r.Status == EntryStatus.Open), "the session open");
        window.Apply(frame);
        frame = live.RefreshUntil(f => f.Detail?.Session?.Id == session, "the session's details");
        window.Apply(frame);

        app.InjectKey(Key.Enter);
        Assert.True(window.Input.Field.HasFocus);
        foreach (var c in "hello echo")
        {
            app.InjectKey(new Key(c));
        }

        app.InjectKey(Key.Enter);
        frame = live.RefreshUntil(f => f.Transcript is { TotalReceived: 12 }, "the echo");
        window.Apply(frame);
        app.LayoutAndDraw();

        var transcript = Headless.Trimmed(app).Where(r => r.Contains("hello echo", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, transcript.Length);
        Assert.Contains("→ hello echo\\r\\n", transcript[0], StringComparison.Ordinal);
        Assert.Contains("← hello echo\\r\\n", transcript[1], StringComparison.Ordinal);
        Assert.Equal("line>", window.Input.PromptText);
        app.End(token);
    }
}
