namespace NetScope.Cli.Tests;

public sealed class UsageErrorTests
{
    [Fact]
    public async Task UnknownOptionExitsWithUsageAndOneLinePlusHelpHint()
    {
        CliRun run = await CliRun.NetScopeAsync("--bogus");

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(
            [
                "netscope: unrecognized command or argument '--bogus'",
                "Try 'netscope --help' for more information.",
            ],
            run.StderrLines);
    }

    [Fact]
    public async Task UnknownOptionOfAVerbPointsAtTheVerbHelp()
    {
        CliRun run = await CliRun.NetScopeAsync("exit-codes", "--jsn");

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal(
            [
                "netscope: unrecognized command or argument '--jsn'",
                "Try 'netscope exit-codes --help' for more information.",
            ],
            run.StderrLines);
    }

    [Fact]
    public async Task NoVerbOpensTheTerminalUiWhichNeedsATerminalForStdout()
    {
        CliRun run = await CliRun.NetScopeAsync();

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(["netscope: the terminal UI needs a terminal, and stdout is not one (the verbs work without: netscope --help)"], run.StderrLines);
    }

    [Fact]
    public async Task UnknownVerbIsNamedRatherThanTheMissingVerb()
    {
        CliRun run = await CliRun.NetScopeAsync("frobnicate");

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal("netscope: unrecognized command or argument 'frobnicate'", run.StderrLines[0]);
        Assert.Equal(2, run.StderrLines.Count);
    }
}
