using System.CommandLine;
using System.Net.Sockets;

namespace NetScope.Cli.Tests;

/// <summary>What a user sees when a verb fails: the exit code and the lines on stderr.</summary>
public sealed class FailureExitCodeTests
{
    [Fact]
    public async Task UnexpectedExceptionIsOneInternalErrorLineAndExitCodeOne()
    {
        CliRun run = await RunVerbAsync(_ => throw new InvalidOperationException("Reactor is not running."), debug: false);

        Assert.Equal((int)ExitCode.Error, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            ["netscope: internal error: InvalidOperationException: reactor is not running (NETSCOPE_DEBUG=1 shows the stack trace)"],
            run.StderrLines);
    }

    [Fact]
    public async Task DebugModeAddsTheStackTraceAfterTheLine()
    {
        CliRun run = await RunVerbAsync(_ => throw new InvalidOperationException("Reactor is not running."), debug: true);

        Assert.Equal((int)ExitCode.Error, run.ExitCode);
        Assert.Equal("netscope: internal error: InvalidOperationException: reactor is not running", run.StderrLines[0]);
        Assert.Equal("System.InvalidOperationException: Reactor is not running.", run.StderrLines[1]);
        Assert.Contains(run.StderrLines, line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task VerbFailureWithContextExitsWithTheMappedCode()
    {
        CliRun run = await RunVerbAsync(
            _ => throw CliErrors.Fail("connect 127.0.0.1:9", new SocketException((int)SocketError.ConnectionRefused)),
            debug: false);

        Assert.Equal((int)ExitCode.ConnectionRefused, run.ExitCode);
        Assert.Equal(["netscope: connect 127.0.0.1:9: connection refused"], run.StderrLines);
    }

    [Fact]
    public async Task UnwrappedSocketExceptionStillMapsToItsExitCode()
    {
        CliRun run = await RunVerbAsync(_ => throw new SocketException((int)SocketError.HostNotFound), debug: false);

        Assert.Equal((int)ExitCode.HostNotFound, run.ExitCode);
        Assert.Equal(["netscope: host not found"], run.StderrLines);
    }

    [Fact]
    public async Task UsageFailureFromAVerbAddsTheVerbHelpHint()
    {
        CliRun run = await RunVerbAsync(_ => throw CliErrors.Usage("bad address 'localhost:x'"), debug: false);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal(
            ["netscope: bad address 'localhost:x'", "Try 'netscope probe --help' for more information."],
            run.StderrLines);
    }

    [Fact]
    public async Task AsynchronousVerbFailureIsMappedLikeASynchronousOne()
    {
        var command = new Command("probe", "fails after yielding");
        command.SetAction(async (ParseResult _, CancellationToken _) =>
        {
            await Task.Yield();
            throw new TimeoutException("The operation has timed out.");
        });

        CliRun run = await CliRun.WithVerbsAsync([() => command], debug: false, CancellationToken.None, "probe");

        Assert.Equal((int)ExitCode.Timeout, run.ExitCode);
        Assert.Equal(["netscope: timed out"], run.StderrLines);
    }

    [Fact]
    public async Task CancellingARunningVerbExitsWithInterrupted()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var command = new Command("probe", "waits until cancelled");
        command.SetAction(async (ParseResult _, CancellationToken token) =>
        {
            started.SetResult();
            await new TaskCompletionSource().Task.WaitAsync(token);
        });
        using var cancellation = new CancellationTokenSource();

        Task<CliRun> running = CliRun.WithVerbsAsync([() => command], debug: false, cancellation.Token, "probe");
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancellation.CancelAsync();
        CliRun run = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal((int)ExitCode.Interrupted, run.ExitCode);
        Assert.Equal(["netscope: interrupted"], run.StderrLines);
    }

    private static Task<CliRun> RunVerbAsync(Func<ParseResult, int> action, bool debug)
    {
        var command = new Command("probe", "a verb that fails on purpose");
        command.SetAction(action);
        return CliRun.WithVerbsAsync([() => command], debug, CancellationToken.None, "probe");
    }
}
