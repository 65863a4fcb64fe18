using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using NetScope.Cli.Hosting;
using NetScope.Core.Logging;

namespace NetScope.Cli;

/// <summary>
/// Parses the arguments, runs the chosen verb and turns every way of failing into an
/// <see cref="ExitCode"/> and one line on stderr. <see cref="Program"/> and the tests both run
/// netscope through here, so what the tests see is what a user sees.
/// </summary>
internal static class CliRunner
{
    /// <summary>Runs <paramref name="root"/> with <paramref name="args"/> and returns the process exit code.</summary>
    /// <param name="root">The command tree, from <see cref="Commands.RootCommandFactory"/>.</param>
    /// <param name="args">The arguments, without the program name.</param>
    /// <param name="output">Standard output: the data a verb produces (text or <c>--json</c>), help, the version.</param>
    /// <param name="error">Standard error: diagnostics, one line per failure.</param>
    /// <param name="debug">True when <c>NETSCOPE_DEBUG=1</c>: failures add the exception's stack trace.</param>
    /// <param name="cancellationToken">Cancels an asynchronous verb, as Ctrl+C does.</param>
    /// <param name="logToError">
    /// Send the engine's log (<see cref="NetScopeLogging"/>, process-wide) to <paramref name="error"/>
    /// while the run lasts, one line per record: warnings and errors, debug too with
    /// <paramref name="debug"/>. The process does; in-process tests, which run several at once, do not.
    /// </param>
    public static async Task<int> RunAsync(
        Command root,
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        bool debug,
        CancellationToken cancellationToken = default,
        bool logToError = false)
    {
        if (!logToError)
        {
            return await RunCoreAsync(root, args, output, error, debug, cancellationToken).ConfigureAwait(false);
        }

        var previous = NetScopeLogging.Factory;
        NetScopeLogging.Factory = StderrLoggerFactory.For(error, debug);
        try
        {
            return await RunCoreAsync(root, args, output, error, debug, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            NetScopeLogging.Factory = previous;
        }
    }

    private static async Task<int> RunCoreAsync(
        Command root,
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        bool debug,
        CancellationToken cancellationToken)
    {
        var configuration = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Exceptions come back to us so that they map to exit codes in one place (CliErrors).
            EnableDefaultExceptionHandler = false,
        };
        string helpHint = HelpHint(root.Name);
        try
        {
            // No response files: '@FILE' is data for 'http -d @FILE', as in curl.
            ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            helpHint = HelpHint(CommandPath(result.CommandResult));
            if (result.Action is ParseErrorAction)
            {
                // The library's own error action prints every error, the whole help text and exits 1;
                // a script wants one line and exit code 2.
                error.WriteLine(CliErrors.Prefix + CliErrors.OneLine(MostRelevantError(result)));
                error.WriteLine(helpHint);
                return (int)ExitCode.Usage;
            }

            return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            return CliErrors.Report(exception, error, debug, helpHint);
        }
    }

    private static string HelpHint(string commandPath) => $"Try '{commandPath} --help' for more information.";

    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (CommandResult? current = command; current is not null; current = current.Parent as CommandResult)
        {
            names.Push(current.Command.Name);
        }

        return string.Join(' ', names);
    }

    // A stray token also makes the parser complain that no verb was given; the stray token is what
    // the user needs to hear about.
    private static string MostRelevantError(ParseResult result)
    {
        foreach (string token in result.UnmatchedTokens)
        {
            foreach (ParseError candidate in result.Errors)
            {
                if (candidate.Message.Contains($"'{token}'", StringComparison.Ordinal))
                {
                    return candidate.Message;
                }
            }
        }

        return result.Errors[0].Message;
    }
}
