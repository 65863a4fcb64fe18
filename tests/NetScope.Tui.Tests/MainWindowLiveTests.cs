using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;

namespace NetScope.Tui.Tests;

/// <summary>The whole window over a real workspace on loopback, driven with injected keys on Terminal.Gui's headless driver.</summary>
public sealed class MainWindowLiveTests
{
    [Fact]
    public async Task AnEmptyWorkspaceShowsTheOneLineHintOnHowToStart()
    {
        await using var live = await LiveWorkspace.StartAsync();
        using var app = Headless.Create(140, 30);
        using var window = new MainWindow(Headless.Colour, live.Feed, live.Commands, live.Catalog);
        window.InstallGlobalKeys(app);
        var token = app.Begin(window)!;
        window.Apply(live.Feed.Latest);
        app.LayoutAndDraw();

        var screen = Headless.Trimmed(app);
        Assert.Equal("│    #   kind   target         in/out    age ││Empty workspace: F2 opens a session, F3 starts a││[Transport] Deferreds  Timing  Loop  Log  │", screen[1]);
        Assert.Equal("│nothing yet: F2 session, F3 listener        ││listener, F1 lists every key.                   ││select a session or listener              │", screen[2]);
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
