namespace NetScope.Tui.Views;

/// <summary>A key shown in the status line.</summary>
/// <param name="Key">How the key is written ("F2", "^Q").</param>
/// <param name="Label">What it does, in a word or two.</param>
/// <param name="Run">What a click on it does.</param>
internal sealed record StatusKey(string Key, string Label, Action? Run = null);
