using System.CommandLine;
using NetScope.Cli.Commands;

namespace NetScope.Cli;

/// <summary>The <c>netscope</c> executable: assembles the command tree from the verbs and runs it.</summary>
public static class Program
{
    /// <summary>
    /// One factory per verb, each in its own file under <c>Commands/</c>. Adding a verb is adding its
    /// file and one line here; help, usage errors and exit codes come with it.
    /// </summary>
    internal static IReadOnlyList<Func<Command>> Verbs { get; } =
    [
        ListenCommand.Create,
        TcpCommand.Create,
        TlsCommand.Create,
        HttpCommand.Create,
        TuiCommand.Create,
        ExitCodesCommand.Create,
    ];

    /// <summary>Runs netscope on the process's arguments, console and environment.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <returns>The exit code, one of <see cref="ExitCode"/> (listed by <c>netscope --help</c>).</returns>
    public static Task<int> Main(string[] args)
    {
        Command root = RootCommandFactory.Create(Verbs);
        bool debug = Environment.GetEnvironmentVariable("NETSCOPE_DEBUG") == "1";
        return CliRunner.RunAsync(root, args, Console.Out, Console.Error, debug, logToError: true);
    }
}
