using System.Diagnostics;
using System.Text;

namespace NetScope.Web.Tests.Server.Interop;

/// <summary>Runs a peer program with a time limit and collects what it prints.</summary>
internal static class ExternalProcess
{
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string fileName, IEnumerable<string> arguments, string? stdin = null, double timeoutSeconds = 30)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.Latin1,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} did not finish within {timeoutSeconds} s.");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a Python script given as text with /usr/bin/python3.</summary>
    public static async Task<string> PythonAsync(string script, params string[] arguments)
    {
        var (exitCode, stdout, stderr) = await RunAsync("/usr/bin/python3", ["-c", script, .. arguments]);
        Assert.True(exitCode == 0, $"python3 failed ({exitCode}):\n{stderr}\n{stdout}");
        return stdout;
    }
}
