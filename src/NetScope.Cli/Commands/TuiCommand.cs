using System.CommandLine;
using NetScope.Cli.Observation;
using NetScope.Tui.App;

namespace NetScope.Cli.Commands;

/// <summary>
/// The terminal UI: <c>netscope</c> with no verb, <c>netscope --demo</c>, and <c>netscope tui</c>
/// with <c>--open</c> and <c>--listen</c> to start straight in the situation to debug. It needs a
/// terminal: with stdout redirected it says so in one line and exits with the usage code.
/// </summary>
internal static class TuiCommand
{
    /// <summary>The line written when stdout is not a terminal.</summary>
    public const string NotATerminal =
        "netscope: the terminal UI needs a terminal, and stdout is not one (the verbs work without: netscope --help)";

    /// <summary>Creates the <c>tui</c> verb.</summary>
    public static Command Create()
    {
        var demo = DemoOption();
        var open = new Option<string[]>("--open")
        {
            Description = "Open a session at start: tcp://HOST:PORT, tls://HOST:PORT (?insecure: do not verify the certificate), or an http:// or https:// URL to GET (https://...#insecure: do not verify); repeat for more",
            HelpName = "URL",
            AllowMultipleArgumentsPerToken = false,
        };
        var listen = new Option<string[]>("--listen")
        {
            Description = "Start a listener at start: KIND:PORT or KIND:ADDRESS:PORT, KIND one of echo, discard, chargen, daytime, qotd, chat, http, tcp; KIND+tls serves TLS (a self-signed certificate); repeat for more",
            HelpName = "KIND:PORT",
            AllowMultipleArgumentsPerToken = false,
        };
        var trace = new Option<string?>("--trace")
        {
            Description = "Write the event stream as JSON lines to FILE while the UI runs (see docs/trace-format.md)",
            HelpName = "FILE",
        };
        var command = new Command("tui", "Open the terminal UI (the same as netscope with no verb), optionally with sessions and listeners already started") { demo, open, listen, trace };
        command.SetAction(result => Run(
            new TuiOptions { Demo = result.GetValue(demo), Open = result.GetValue(open) ?? [], Listen = result.GetValue(listen) ?? [] },
            result.InvocationConfiguration.Output,
            result.InvocationConfiguration.Error,
            ReadTrace(result.GetValue(trace))));
        return command;
    }

    /// <summary>Checks <c>--trace</c>: a file name; stderr ('-') would write over the UI's screen.</summary>
    internal static string? ReadTrace(string? path) => path switch
    {
        null => null,
        "" => throw CliErrors.Usage("--trace: expected a file name"),
        "-" => throw CliErrors.Usage("--trace -: the terminal UI draws on the terminal; give --trace a file"),
        _ => path,
    };

    /// <summary>Makes the root command open the UI when no verb is given, and adds <c>--demo</c> to it.</summary>
    public static void AttachToRoot(Command root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var demo = DemoOption();
        root.Options.Add(demo);
        root.SetAction(result => Run(new TuiOptions { Demo = result.GetValue(demo) }, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
    }

    private static Option<bool> DemoOption() => new("--demo")
    {
        Description = "Open the terminal UI on a built-in demo workspace (an echo listener with a line session talking to it, an HTTP listener with a request to it)",
    };

    private static int Run(TuiOptions options, TextWriter output, TextWriter error, string? tracePath = null)
    {
        if (TuiApp.Validate(options) is { } problem)
        {
            throw CliErrors.Usage(problem);
        }

        // The UI draws on the process's own terminal: only when the verb's output is that terminal.
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            error.WriteLine(NotATerminal);
            return (int)ExitCode.Usage;
        }

        var debug = Environment.GetEnvironmentVariable("NETSCOPE_DEBUG") == "1";
        var trace = tracePath is null ? null : TraceFile.Open(tracePath, error);
        var code = TuiApp.Run(
            options with { Fault = Environment.GetEnvironmentVariable("NETSCOPE_TUI_FAULT") },
            error,
            debug,
            trace is null ? null : workspace => trace.Attach(workspace));
        if (trace?.Finish() is { } failure)
        {
            error.WriteLine(failure);
            return code == (int)ExitCode.Success ? (int)ExitCode.FileError : code;
        }

        return code;
    }
}
