using System.Text.Json;

namespace NetScope.Cli.Tests;

public sealed class ExitCodesCommandTests
{
    [Fact]
    public async Task TextOutputIsTheAlignedTableOnStdout()
    {
        CliRun run = await CliRun.NetScopeAsync("exit-codes");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(23, run.StdoutLines.Count);
        Assert.Equal("  0  Success                the command did what was asked", run.StdoutLines[0]);
        Assert.Equal(" 21  TlsUnknownIssuer       the certificate's issuer is not trusted", run.StdoutLines[13]);
        Assert.Equal("130  Interrupted            interrupted by Ctrl+C (SIGINT) or SIGTERM", run.StdoutLines[22]);
    }

    [Fact]
    public async Task JsonOutputIsOneArrayOfCodeNameAndMeaning()
    {
        CliRun run = await CliRun.NetScopeAsync("exit-codes", "--json");

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Single(run.StdoutLines);
        using JsonDocument document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(
            ExitCodes.All.Select(entry => ((int)entry.Code, entry.Code.ToString(), entry.Meaning)),
            document.RootElement.EnumerateArray().Select(item => (
                item.GetProperty("code").GetInt32(),
                item.GetProperty("name").GetString()!,
                item.GetProperty("meaning").GetString()!)));
    }

    [Fact]
    public async Task JsonOutputKeepsQuotesAndPlusSignsReadable()
    {
        CliRun run = await CliRun.NetScopeAsync("exit-codes", "--json");

        Assert.Contains("""{"code":130,"name":"Interrupted","meaning":"interrupted by Ctrl+C (SIGINT) or SIGTERM"}""", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("""the certificate's issuer""", run.Stdout, StringComparison.Ordinal);
    }
}
