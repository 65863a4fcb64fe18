namespace NetScope.Cli.Tests;

public sealed class VersionTests
{
    [Fact]
    public async Task VersionPrintsNameAndVersionWithoutCommitOnStdout()
    {
        CliRun run = await CliRun.NetScopeAsync("--version");

        Assert.Equal((0, "netscope 0.1.0\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Fact]
    public async Task VersionIsTheSameOnEveryRun()
    {
        CliRun first = await CliRun.NetScopeAsync("--version");
        CliRun second = await CliRun.NetScopeAsync("--version");

        Assert.Equal(first, second);
    }
}
