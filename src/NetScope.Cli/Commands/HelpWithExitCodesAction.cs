using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>--help</c>: the library's help, and for the root command an "Exit codes:" section after it
/// (the library's help layout cannot be extended in 2.0, so this action appends to it).
/// </summary>
internal sealed class HelpWithExitCodesAction : SynchronousCommandLineAction
{
    private readonly HelpAction _help = new();

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        int result = _help.Invoke(parseResult);
        if (parseResult.CommandResult.Parent is null)
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Exit codes:");
            ExitCodes.WriteTable(output, "  ");
            output.WriteLine();
        }

        return result;
    }
}
