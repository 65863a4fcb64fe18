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
}
