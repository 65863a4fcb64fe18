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
        var byId = deferreds.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        var nested = deferreds.SelectMany(d => d.Links).Where(l => l.WaitingOn is { } w && byId.ContainsKey(w)).Select(l => l.WaitingOn!.Value).ToHashSet();
        var rows = new List<Pending>();
        var drawn = new HashSet<long>();
        foreach (var root in deferreds.Where(d => !nested.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(root, byId, drawn, rows, indent: null);
        }

        foreach (var rest in deferreds.Where(d => !drawn.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(rest, byId, drawn, rows, indent: null);
        }

        var column = ChainTreeRenderer.MinimumColumn;
        foreach (var row in rows.Where(r => r.Aligned && r.Right is not null))
        {
            column = Math.Max(column, row.Left.Length + 2);
        }

        return rows.Select(r => new DeferredRow(r.Right is null ? r.Left : r.Left.PadRight(column) + r.Right, r.DeferredId, r.IsHeader, r.Tone, r.Cancellable)).ToArray();
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

    private static void Draw(DeferredSnapshot deferred, Dictionary<long, DeferredSnapshot> byId, HashSet<long> drawn, List<Pending> rows, string? indent)
    {
        drawn.Add(deferred.Id);
        var header = deferred.Label is null ? $"#{deferred.Id}" : $"#{deferred.Id} {deferred.Label}";
        var state = ChainTreeRenderer.DescribeState(deferred);
        var tone = ToneOf(deferred);
        var cancellable = deferred.State == DeferredState.Pending;
        rows.Add(indent is null
            ? new Pending(header + "  " + state, null, false, deferred.Id, true, tone, cancellable)
            : new Pending(indent + header, state, true, deferred.Id, true, tone, cancellable));
        var childIndent = indent ?? string.Empty;
        var links = deferred.Links.Where(l => l.Kind == DeferredLinkKind.Callbacks).OrderBy(l => l.Index).ToArray();
        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            var last = i == links.Length - 1 && deferred.LinksNotShown == 0;
            var branch = last ? "└─ " : "├─ ";
            var tag = (link.Reached ? link.OnErrbackPath == true : link.Callback == "passthru") ? "eb" : "cb";
            var name = !link.Reached
                ? (link.Callback != "passthru" ? link.Callback : link.Errback)
                : link.OnErrbackPath == true ? link.Errback : link.Callback;
            var linkTone = !link.Reached ? DeferredTone.Quiet
                : link.OutcomeIsFailure ? DeferredTone.Failed
                : link.WaitingOn is { } w && deferred.WaitingOn == w ? DeferredTone.Pending
                : DeferredTone.Normal;
            rows.Add(new Pending($"{childIndent}{branch}{tag}  {name}", Outcome(deferred, link, byId), true, deferred.Id, false, linkTone, cancellable));
            if (link.WaitingOn is { } inner && byId.TryGetValue(inner, out var waited) && !drawn.Contains(inner))
            {
                Draw(waited, byId, drawn, rows, childIndent + (last ? "   " : "│  "));
            }
        }

        if (deferred.LinksNotShown > 0)
        {
            rows.Add(new Pending($"{childIndent}└─ ({deferred.LinksNotShown} more links not kept)", null, false, deferred.Id, false, DeferredTone.Quiet, cancellable));
        }
    }

    private static string Outcome(DeferredSnapshot deferred, DeferredLinkSnapshot link, Dictionary<long, DeferredSnapshot> byId)
    {
        if (!link.Reached)
        {
            return "(not run)";
        }

        if (link.WaitingOn is not { } inner)
        {
            return $"-> {link.Outcome}";
        }

        if (deferred.WaitingOn == inner)
        {
            return $"-> waiting on #{inner}";
        }

        return byId.TryGetValue(inner, out var waited) && waited.Outcome is { } value ? $"-> from #{inner}: {value}" : $"-> from #{inner}";
    }

    private sealed record Pending(string Left, string? Right, bool Aligned, long DeferredId, bool IsHeader, DeferredTone Tone, bool Cancellable);
}
