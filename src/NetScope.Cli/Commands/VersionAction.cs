using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>--version</c>: prints <c>netscope &lt;version&gt;</c>. The commit is left out on purpose, so the
/// same release prints the same line however it was built (from a clone, a tarball, in CI).
/// Like the library's own version action it wins over parse errors, as <c>--help</c> does.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    /// <summary>The line <c>--version</c> prints, e.g. <c>netscope 0.1.0</c>.</summary>
    public static string VersionLine { get; } = "netscope " + ProductVersion();

    /// <inheritdoc />
    public override bool ClearsParseErrors => true;

    /// <inheritdoc />
    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(VersionLine);
        return (int)ExitCode.Success;
    }

    // The SDK appends "+<commit>" to the informational version when it builds from git.
    private static string ProductVersion()
    {
        string? informational = typeof(VersionAction).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is null ? "unknown" : informational.Split('+')[0];
    }
}
