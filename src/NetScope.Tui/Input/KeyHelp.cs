namespace NetScope.Tui.Input;

/// <summary>One key of the help: how it is written and what it does.</summary>
/// <param name="Keys">"Ctrl+Q", "F1 or ?".</param>
/// <param name="Description">What it does.</param>
internal sealed record KeyHelp(string Keys, string Description);
