namespace NetScope.Cli.Tests.Http;

/// <summary>Numeric options of <c>netscope http</c> fail with our own one line, not the parser's type names.</summary>
public sealed class HttpValueErrorTests
{
    [Theory]
    [InlineData("--max-time", "abc", "--max-time 'abc': expected a number of seconds")]
    [InlineData("--connect-timeout", "soon", "--connect-timeout 'soon': expected a number of seconds")]
    [InlineData("--max-redirs", "many", "--max-redirs 'many': expected a whole number")]
    public async Task ANonNumberIsAOneLineUsageError(string option, string value, string message)
    {
        var run = await CliRun.NetScopeAsync("http", "http://127.0.0.1:9/", option, value);

        Assert.Equal(
            (2, "", $"netscope: {message}\nTry 'netscope http --help' for more information.\n"),
            (run.ExitCode, run.Stdout, run.Stderr));
    }
}
