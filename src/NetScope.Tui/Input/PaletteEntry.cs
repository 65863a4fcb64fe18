namespace NetScope.Tui.Input;

/// <summary>An action the command palette offers.</summary>
/// <param name="Title">What it does ("New listener…").</param>
/// <param name="Keys">Its keys, shown beside it ("F3"), or empty.</param>
/// <param name="Run">Does it.</param>
internal sealed record PaletteEntry(string Title, string Keys, Action Run);
