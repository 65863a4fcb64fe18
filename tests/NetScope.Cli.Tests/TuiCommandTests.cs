namespace NetScope.Cli.Tests;

public sealed class TuiCommandTests
{
    [Theory]
    [InlineData("--demo")]
    [InlineData("tui")]
    [InlineData("tui", "--listen", "echo:0", "--open", "tcp://127.0.0.1:7")]
    [InlineData("tui", "--open", "https://example.com/#insecure")]
    public async Task WithoutATerminalTheUiSaysSoInOneLineAndExitsWithTheUsageCode(params string[] args)
    {
        CliRun run = await CliRun.NetScopeAsync(args);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal(["netscope: the terminal UI needs a terminal, and stdout is not one (the verbs work without: netscope --help)"], run.StderrLines);
    }

    [Theory]
    [InlineData("--open", "http://127.0.0.1:99999/", "netscope: --open 'http://127.0.0.1:99999/': URL 'http://127.0.0.1:99999/': the host or port is invalid")]
    [InlineData("--open", "ftp://127.0.0.1:21", "netscope: --open 'ftp://127.0.0.1:21': unknown kind 'ftp' (this build offers tcp://HOST:PORT, tls://HOST:PORT, http(s)://URL)")]
    [InlineData("--listen", "echo:70000", "netscope: --listen 'echo:70000': port 70000: out of range (0-65535)")]
    public async Task BadOpenOrListenValuesAreUsageErrorsBeforeAnythingStarts(string option, string value, string message)
    {
        CliRun run = await CliRun.NetScopeAsync("tui", option, value);

        Assert.Equal((int)ExitCode.Usage, run.ExitCode);
        Assert.Equal([message, "Try 'netscope tui --help' for more information."], run.StderrLines);
    }

    [Fact]
    public async Task TuiHelpListsItsOptions()
    {
        CliRun run = await CliRun.NetScopeAsync("tui", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.StdoutLines, line => line.TrimStart().StartsWith("--open <URL>", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, line => line.TrimStart().StartsWith("--listen <KIND:PORT>", StringComparison.Ordinal));
        Assert.Contains(run.StdoutLines, line => line.TrimStart().StartsWith("--demo", StringComparison.Ordinal));
    }
}
