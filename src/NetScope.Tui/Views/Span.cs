using NetScope.Tui.Theme;

namespace NetScope.Tui.Views;

/// <summary>A run of text drawn in one role.</summary>
/// <param name="Text">The text (one cell per character).</param>
/// <param name="Role">How it is drawn.</param>
internal readonly record struct Span(string Text, StyleRole Role);
