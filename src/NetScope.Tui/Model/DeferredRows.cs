using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Rendering;

namespace NetScope.Tui.Model;

/// <summary>
/// Lays out a session's Deferreds as the chain trees of <see cref="ChainTreeRenderer"/> (the same
/// rows as <c>--chains</c> prints), keeping for each row the Deferred it belongs to and how it
/// stands, so the tab can highlight failures and pending ones and cancel the selected one.
/// </summary>
internal static class DeferredRows
{
    /// <summary>The rows of every tree in <paramref name="deferreds"/>: roots in number order, waited-on Deferreds nested under the link that waited.</summary>
    public static IReadOnlyList<DeferredRow> Build(IReadOnlyList<DeferredSnapshot> deferreds)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        return ChainTreeRenderer.Layout(deferreds)
            .Select(r => new DeferredRow(r.Text, r.Deferred.Id, r.IsHeader, r.IsHeader ? ToneOf(r.Deferred) : ToneOf(r.Deferred, r.Link), r.Deferred.State == DeferredState.Pending))
            .ToArray();
    }

    /// <summary>How a Deferred's header row is highlighted.</summary>
    public static DeferredTone ToneOf(DeferredSnapshot deferred) => deferred.State switch
    {
        _ when deferred.Unhandled => DeferredTone.Failed,
        DeferredState.Pending or DeferredState.Paused or DeferredState.Waiting => DeferredTone.Pending,
        DeferredState.Failed => DeferredTone.Failed,
        DeferredState.Cancelled => DeferredTone.Quiet,
        _ => DeferredTone.Normal,
    };

    /// <summary>How a link row (or, with no link, a note row) is highlighted.</summary>
    private static DeferredTone ToneOf(DeferredSnapshot deferred, DeferredLinkSnapshot? link) => link switch
    {
        null => DeferredTone.Quiet,
        { WaitingOn: { } w } when deferred.WaitingOn == w => DeferredTone.Pending,
        { Reached: false } => DeferredTone.Quiet,
        { OutcomeIsFailure: true } or { IsAwait: true, InputIsFailure: true } => DeferredTone.Failed,
        _ => DeferredTone.Normal,
    };
}
