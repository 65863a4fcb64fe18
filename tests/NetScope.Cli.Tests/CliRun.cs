using System.CommandLine;
using NetScope.Cli.Commands;

namespace NetScope.Cli.Tests;

/// <summary>The outcome of one in-process netscope run: exit code and both streams, split into lines.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public IReadOnlyList<string> StdoutLines => SplitLines(Stdout);

    public IReadOnlyList<string> StderrLines => SplitLines(Stderr);

    /// <summary>Runs the real netscope command tree, as the installed binary would.</summary>
    public static Task<CliRun> NetScopeAsync(params string[] args) =>
        WithVerbsAsync(Program.Verbs, debug: false, CancellationToken.None, args);

    /// <summary>Runs a netscope root with the given verbs (test verbs that fail on purpose, say).</summary>
    public static async Task<CliRun> WithVerbsAsync(
        IEnumerable<Func<Command>> verbs, bool debug, CancellationToken cancellationToken, params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        Command root = RootCommandFactory.Create(verbs);
        int exitCode = await CliRunner.RunAsync(root, args, output, error, debug, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
