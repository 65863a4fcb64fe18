namespace NetScope.Cli.Tests;

public sealed class ExitCodeTableTests
{
    [Fact]
    public void EveryExitCodeHasExactlyOneMeaningInNumericOrder()
    {
        ExitCode[] listed = ExitCodes.All.Select(entry => entry.Code).ToArray();

        Assert.Equal(Enum.GetValues<ExitCode>().OrderBy(code => (int)code), listed);
    }

    [Fact]
    public void ExitCodesKeepTheirDocumentedNumbers()
    {
        Assert.Equal(
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20, 21, 22, 23, 24, 25, 26, 30, 31, 32, 130],
            ExitCodes.All.Select(entry => (int)entry.Code));
        Assert.Equal(130, (int)ExitCode.Interrupted);
        Assert.Equal(23, (int)ExitCode.TlsCertificateExpired);
    }

    [Fact]
    public void MeaningOfAnUnknownNumberIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ExitCodes.Meaning((ExitCode)99));
    }

    [Fact]
    public void CliDocumentListsEveryExitCodeWithTheSameMeaning()
    {
        string[] docLines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "cli.md"));

        foreach (var (code, meaning) in ExitCodes.All)
        {
            Assert.Contains($"| {(int)code} | `{code}` | {meaning} |", docLines);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "NetScope.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no NetScope.sln above {AppContext.BaseDirectory}");
    }
}
