namespace NetScope.Tui.Model;

/// <summary>One line of the Log tab.</summary>
/// <param name="Time">When, on the wall clock.</param>
/// <param name="Severity">How much it matters.</param>
/// <param name="Text">What happened, one line.</param>
internal sealed record LogLine(DateTimeOffset Time, LogSeverity Severity, string Text);
