using System.CommandLine;
using System.CommandLine.Help;

namespace NetScope.Cli.Commands;

/// <summary>Builds the <c>netscope</c> command: the shared options and one subcommand per verb.</summary>
internal static class RootCommandFactory
{
    /// <summary>The root description shown at the top of <c>netscope --help</c>.</summary>
    public const string Description =
        "NetScope: a terminal network-debugging tool built on a Twisted-style reactor.";

    /// <summary>
    /// Creates the root command with <c>--help</c>, <c>--version</c> and the given verbs; with no
    /// verb it opens the terminal UI (<see cref="TuiCommand.AttachToRoot"/>).
    /// </summary>
    /// <param name="verbs">One factory per verb (see <see cref="Program.Verbs"/>).</param>
    public static Command Create(IEnumerable<Func<Command>> verbs)
    {
        // A plain Command rather than RootCommand: RootCommand takes its name from the process
        // (it would say "testhost" under the test runner), and netscope needs no directives.
        var root = new Command("netscope", Description)
        {
            new HelpOption { Action = new HelpWithExitCodesAction() },
            new VersionOption { Action = new VersionAction() },
        };
        foreach (Func<Command> verb in verbs)
        {
            root.Subcommands.Add(verb());
        }

        TuiCommand.AttachToRoot(root);
        return root;
    }
}
