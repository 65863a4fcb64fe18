namespace NetScope.Tui.Model;

/// <summary>One row of the Deferreds tab: a Deferred's header, or one link of its chain.</summary>
/// <param name="Text">The row as drawn (tree branches, name, and the outcome or state column).</param>
/// <param name="DeferredId">The Deferred the row belongs to (cancel targets it).</param>
/// <param name="IsHeader"><see langword="true"/> for the Deferred's own row.</param>
/// <param name="Tone">How it is highlighted.</param>
/// <param name="Cancellable"><see langword="true"/> when the Deferred has not fired (cancelling means something).</param>
internal sealed record DeferredRow(string Text, long DeferredId, bool IsHeader, DeferredTone Tone, bool Cancellable);
