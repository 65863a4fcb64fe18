using System.Text;
using NetScope.Cli.Commands;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>Runs <c>netscope tcp</c> in-process, with a standard input the test controls.</summary>
internal static class TcpRun
{
    /// <summary>Runs <c>netscope tcp ARGS</c> to its end with an empty stdin (scripted runs never read it).</summary>
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        await using var cli = Start(() => new MemoryStream(), args);
        return await cli.FinishedAsync();
    }

    /// <summary>Runs <c>netscope tcp ARGS</c> to its end with <paramref name="stdin"/> as its whole standard input.</summary>
    public static async Task<CliRun> WithStdinAsync(string stdin, params string[] args)
    {
        await using var cli = Start(() => new MemoryStream(Encoding.UTF8.GetBytes(stdin)), args);
        return await cli.FinishedAsync();
    }

    /// <summary>Starts <c>netscope tcp ARGS</c> reading <paramref name="stdin"/> when no step is scripted.</summary>
    public static InProcessCli Start(Func<Stream> stdin, params string[] args) =>
        InProcessCli.Start([() => TcpCommand.Create(stdin)], ["tcp", .. args]);

    /// <summary>The whole run, as one value to compare: exit code, stdout, stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Outcome(this CliRun run) => (run.ExitCode, run.Stdout, run.Stderr);
}
