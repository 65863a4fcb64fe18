using NetScope.Sessions.Deferreds;

namespace NetScope.Sessions.Rendering;

/// <summary>One line of a chain tree, with what it shows, so a view can highlight or act on it.</summary>
/// <param name="Text">The line as <see cref="ChainTreeRenderer.Render(IReadOnlyList{DeferredSnapshot}, ChainTreeOptions?)"/> prints it.</param>
/// <param name="Deferred">The Deferred the line belongs to.</param>
/// <param name="Link">The link the line shows; <see langword="null"/> for a header or a note.</param>
/// <param name="IsHeader">The Deferred's own line (<c>#id label  state</c>).</param>
public sealed record ChainTreeRow(string Text, DeferredSnapshot Deferred, DeferredLinkSnapshot? Link, bool IsHeader);
