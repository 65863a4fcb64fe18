using System.CommandLine;

namespace NetScope.Cli;

/// <summary>
/// Options that several verbs share, so each one is spelled, described and parsed the same way
/// everywhere. Each factory returns a new instance: a verb adds it to its command and keeps the
/// instance to read the value with <see cref="ParseResult.GetValue{T}(Option{T})"/>.
/// </summary>
/// <example>
/// <code>
/// Option&lt;bool&gt; json = CommonOptions.Json();
/// var command = new Command("tcp", "...") { json };
/// command.SetAction(result =&gt; Run(result.GetValue(json), result.InvocationConfiguration.Output));
/// </code>
/// </example>
internal static class CommonOptions
{
    /// <summary>
    /// <c>--json</c>: the verb writes its result on stdout as JSON (one document, or one object per
    /// line for a stream of events) instead of text. Diagnostics stay on stderr either way.
    /// </summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write the result on stdout as JSON instead of text",
    };

    /// <summary>
    /// <c>--trace FILE</c>: write the session model's event stream (sessions, transports, Deferred
    /// chains, TCP_INFO, loop health) as JSON lines to FILE, or to stderr with <c>-</c>
    /// (format: <c>docs/trace-format.md</c>).
    /// </summary>
    public static Option<string?> Trace() => new("--trace")
    {
        Description = "Write the event stream as JSON lines to FILE ('-' for stderr; see docs/trace-format.md)",
        HelpName = "FILE",
    };

    /// <summary><c>--chains</c>: at exit, print each session's Deferred chain tree on stderr.</summary>
    public static Option<bool> Chains() => new("--chains")
    {
        Description = "At exit, print the Deferred chain tree of each session on stderr",
    };

    /// <summary><c>--timing</c>: at exit, print each session's phase breakdown (curl -w style) on stderr.</summary>
    public static Option<bool> Timing() => new("--timing")
    {
        Description = "At exit, print the phase timings (dns, connect, tls, first bytes, line round trips) on stderr",
    };
}
