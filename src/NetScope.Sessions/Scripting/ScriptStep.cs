using System.Globalization;
using System.Text.RegularExpressions;
using NetScope.Sessions.Formatting;

namespace NetScope.Sessions.Scripting;

/// <summary>One step of a scripted session, run in order by <see cref="ScriptRunner"/>.</summary>
public abstract record ScriptStep
{
    /// <summary>A short description for messages and traces ("send \"HELO x\\r\\n\"").</summary>
    public abstract string Describe();
}

/// <summary>Send bytes.</summary>
/// <param name="Data">The bytes (escapes already decoded).</param>
public sealed record SendStep(byte[] Data) : ScriptStep
{
    /// <inheritdoc/>
    public override string Describe() => $"send \"{Escapes.Visible(Data)}\"";
}

/// <summary>Send the contents of a file.</summary>
/// <param name="Path">The file.</param>
public sealed record SendFileStep(string Path) : ScriptStep
{
    /// <inheritdoc/>
    public override string Describe() => $"send-file {Path}";
}

/// <summary>Wait until what has arrived matches a pattern.</summary>
/// <param name="Pattern">The pattern (bytes matched as Latin-1 characters).</param>
/// <param name="TimeoutSeconds">How long to wait at most.</param>
public sealed record ExpectStep(Regex Pattern, double TimeoutSeconds) : ScriptStep
{
    /// <summary>
    /// Whether a match consumes through the end of its line (so the next step starts at a fresh line)
    /// rather than to the end of the match (see <see cref="Streams.StreamSession.Expect"/>).
    /// <remarks>Defaults to <see langword="false"/>.</remarks>
    /// </summary>
    public bool ThroughLineEnd { get; init; }

    /// <summary>The pattern as the user wrote it, when <see cref="Pattern"/> is a rewrite of it; shown in messages.</summary>
    public string? Source { get; init; }

    /// <inheritdoc/>
    public override string Describe() => $"expect /{Source ?? Pattern.ToString()}/";
}

/// <summary>Finish sending (half-close) and keep reading.</summary>
public sealed record HalfCloseStep : ScriptStep
{
    /// <inheritdoc/>
    public override string Describe() => "half-close";
}

/// <summary>Pause.</summary>
/// <param name="Seconds">How long.</param>
public sealed record WaitStep(double Seconds) : ScriptStep
{
    /// <inheritdoc/>
    public override string Describe() => string.Create(CultureInfo.InvariantCulture, $"wait {Seconds}s");
}
