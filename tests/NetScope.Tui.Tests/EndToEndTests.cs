using System.Text.RegularExpressions;

namespace NetScope.Tui.Tests;

/// <summary>
/// The installed binary in a real terminal (tmux): what a user does, and the terminal as it is
/// left afterwards. Run with <c>--filter Category=EndToEnd</c>.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed partial class EndToEndTests
{
    private const string Done = "E2E-DONE-2";

    [Fact]
    public async Task ListenerFromTheDialogLineSessionToItEchoInTheTranscriptDetailsUpdateAndTheTerminalIsRestored()
    {
        await using var terminal = await TmuxTerminal.StartAsync(160, 48);
        await StartAsync(terminal, string.Empty);
        await terminal.WaitForTextAsync("Empty workspace: F2 session, F3 listener, F1 keys");

        await terminal.KeysAsync("F3");
        await terminal.WaitForTextAsync("New listener");
        await terminal.KeysAsync("Enter"); // on the kind (echo): chooses it and moves to the address
        await terminal.KeysAsync("Enter");
        await terminal.WaitForTextAsync("started echo listener");
        var screen = await terminal.WaitForAsync(s => ListeningPort().IsMatch(string.Join('\n', s)), "the listener's address");
        var port = ListeningPort().Match(string.Join('\n', screen)).Groups[1].Value;

        await terminal.KeysAsync("F2");
        await terminal.WaitForTextAsync("New session");
        await terminal.TypeAsync(port);
        await terminal.KeysAsync("Enter");
        await terminal.WaitForTextAsync($"Transcript #2 tcp 127.0.0.1:{port}");
        await terminal.WaitForTextAsync("state           open");

        await terminal.KeysAsync("i");
        await terminal.TypeAsync("hello from tmux");
        await terminal.KeysAsync("Enter");
        await terminal.WaitForAsync(
            s => s.Any(r => r.Contains("→ hello from tmux\\r\\n", StringComparison.Ordinal)) && s.Any(r => r.Contains("← hello from tmux\\r\\n", StringComparison.Ordinal)),
            "the line sent and its echo");
        await terminal.WaitForAsync(s => s.Any(r => Regex.IsMatch(r, @"│  bytes +17 B +17 B +│")), "the transport pane counting 17 bytes each way");

        await terminal.KeysAsync("Escape");
        await terminal.KeysAsync("M-2");
        await terminal.WaitForAsync(s => s.Any(r => r.Contains("[Deferreds]", StringComparison.Ordinal)) && s.Any(r => Regex.IsMatch(r, @"#\d+ connect 127\.0\.0\.1:\d+ +succeeded in")), "the Deferred tree");

        await terminal.KeysAsync("C-q");
        await terminal.WaitForTextAsync("1 listener running and 2 sessions open");
        await terminal.KeysAsync("Enter");
        await terminal.WaitForTextAsync(Done);

        Assert.Equal("rc=0", File.ReadAllText(Path.Combine(terminal.Folder, "rc")).Trim());
        await AssertRestoredAsync(terminal);
    }

    [Fact]
    public async Task AViewThatKeepsFailingEndsTheUiWithTheTerminalRestoredAndTheErrorPrinted()
    {
        await using var terminal = await TmuxTerminal.StartAsync(120, 30);
        await StartAsync(terminal, "NETSCOPE_TUI_FAULT=draw");
        var screen = await terminal.WaitForTextAsync(Done);

        Assert.Equal("rc=1", File.ReadAllText(Path.Combine(terminal.Folder, "rc")).Trim());
        Assert.Contains(screen, r => r.Contains("netscope: the terminal UI failed: InvalidOperationException: fault injected in a view (NETSCOPE_TUI_FAULT=draw)", StringComparison.Ordinal));
        await AssertRestoredAsync(terminal);
    }

    [Fact]
    public async Task TheDemoShowsEveryPaneAliveAndACrashOnAnotherThreadStillRestoresTheTerminal()
    {
        await using var terminal = await TmuxTerminal.StartAsync(160, 48);
        await StartAsync(terminal, string.Empty, "--demo");
        await terminal.WaitForAsync(
            s => s.Any(r => r.Contains("← hello from the NetScope demo\\r\\n", StringComparison.Ordinal)) && s.Any(r => r.Contains("▾ ◉ #1  echo", StringComparison.Ordinal)),
            "the demo's first echo");
        await terminal.WaitForAsync(s => s.Any(r => Regex.IsMatch(r, @"○ #\d+ +http +GET http://127\.0\.")), "the demo's http request, answered");
        await terminal.KeysAsync("C-q");
        await terminal.WaitForTextAsync("Quit NetScope");
        await terminal.KeysAsync("Enter");
        await terminal.WaitForTextAsync(Done);
        Assert.Equal("rc=0", File.ReadAllText(Path.Combine(terminal.Folder, "rc")).Trim());

        await StartAsync(terminal, "NETSCOPE_TUI_FAULT=thread");
        var screen = await terminal.WaitForAsync(s => s.Count(r => r.Contains(Done, StringComparison.Ordinal)) == 2, "the second run's end");
        Assert.Equal("rc=1", File.ReadAllText(Path.Combine(terminal.Folder, "rc")).Trim());
        var printed = string.Concat(screen.SkipWhile(r => !r.Contains("NETSCOPE_TUI_FAULT=thread", StringComparison.Ordinal))).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains("netscope: the terminal UI failed: InvalidOperationException: fault injected on a background thread (NETSCOPE_TUI_FAULT=thread) (NETSCOPE_DEBUG=1 shows the stack trace)".Replace(" ", string.Empty, StringComparison.Ordinal), printed, StringComparison.Ordinal);
        Assert.DoesNotContain(screen, r => r.Contains("Unhandled exception", StringComparison.Ordinal) || r.TrimStart().StartsWith("at ", StringComparison.Ordinal));
        await AssertRestoredAsync(terminal);
    }

    [Theory]
    [InlineData("TERM", "rc=143")]
    [InlineData("INT", "rc=130")]
    [InlineData("HUP", "rc=129")]
    public async Task ASignalEndsTheUiInOrderWithTheTerminalRestoredAndTheShellsExitCode(string signal, string rc)
    {
        await using var terminal = await TmuxTerminal.StartAsync(120, 30);
        await StartAsync(terminal, string.Empty, "tui --listen echo:0");
        await terminal.WaitForTextAsync("listening on 127.0.0.1:");
        Assert.Equal("alt=1 mouse=1 cursor=0", await terminal.DisplayAsync("alt=#{alternate_on} mouse=#{mouse_any_flag} cursor=#{cursor_flag}"));

        var pid = File.ReadAllText(Path.Combine(terminal.Folder, "pid")).Trim();
        using (var kill = System.Diagnostics.Process.Start("kill", ["-" + signal, pid]))
        {
            await kill.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, kill.ExitCode);
        }

        await terminal.WaitForTextAsync(Done);
        Assert.Equal(rc, File.ReadAllText(Path.Combine(terminal.Folder, "rc")).Trim());
        await AssertRestoredAsync(terminal);
    }

    /// <summary>
    /// Runs netscope in the terminal's shell between two stty readings, then prints a marker with
    /// the exit code saved. Its process id is written to the file <c>pid</c> (sh execs it: same id).
    /// </summary>
    private static Task StartAsync(TmuxTerminal terminal, string environment, string arguments = "")
    {
        var folder = terminal.Folder;
        var command = $"stty -g > {folder}/stty.before; {environment} sh -c 'echo $$ > {folder}/pid; exec \"$0\" \"$@\"' '{TmuxTerminal.NetScopeBinary()}' {arguments}; echo \"rc=$?\" > {folder}/rc; stty -g > {folder}/stty.after; echo E2E-DONE-$((1+1))";
        return terminal.TypeAsync(command).ContinueWith(_ => terminal.KeysAsync("Enter"), TaskScheduler.Default).Unwrap();
    }

    /// <summary>The terminal as the shell had it: termios, normal screen, mouse off, cursor shown, keypad and cursor keys in normal mode.</summary>
    private static async Task AssertRestoredAsync(TmuxTerminal terminal)
    {
        Assert.Equal(File.ReadAllText(Path.Combine(terminal.Folder, "stty.before")), File.ReadAllText(Path.Combine(terminal.Folder, "stty.after")));
        Assert.Equal(
            "alt=0 mouse=0 cursor=1 keypad=0 cursorkeys=0",
            await terminal.DisplayAsync("alt=#{alternate_on} mouse=#{mouse_any_flag} cursor=#{cursor_flag} keypad=#{keypad_flag} cursorkeys=#{keypad_cursor_flag}"));
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();
}
