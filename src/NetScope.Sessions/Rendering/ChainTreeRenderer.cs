using NetScope.Sessions.Deferreds;

namespace NetScope.Sessions.Rendering;

/// <summary>
/// Draws Deferred chains as text trees: a header per Deferred (<c>#id label  state</c>), a row per
/// link (<c>cb</c>/<c>eb</c>, the function's name, <c>-&gt; outcome</c>, how long it ran), and the
/// Deferred a link waited on nested under that link:
/// <code>
/// #3 connect 127.0.0.1:7007  succeeded in 0.4 ms
/// ├─ cb  Session.OnConnected         -> EchoClient  in 12 µs
/// └─ cb  Script.SendGreeting         -> waiting on #4  in 3 µs
///    #4 expect /hello/               pending 1.2 s
/// </code>
/// An <c>async Deferred</c> method's Deferred lists what the method awaited first, as <c>aw</c>
/// rows with the awaited Deferred nested under them. When a creation site was captured, a
/// "created at" line follows the header. Outcomes and nested states line up in one column (at
/// least <see cref="MinimumColumn"/>).
/// </summary>
public static class ChainTreeRenderer
{
    /// <summary>The outcome column is never further left than this.</summary>
    public const int MinimumColumn = 35;

    /// <summary>
    /// Renders every tree in <paramref name="deferreds"/> (a session's Deferreds): each Deferred
    /// that no link in the set waited on is a root, in number order.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<DeferredSnapshot> deferreds, ChainTreeOptions? options = null) =>
        Layout(deferreds, options).Select(r => r.Text).ToList();

    /// <summary>Renders the one tree rooted at Deferred <paramref name="rootId"/> of <paramref name="deferreds"/>.</summary>
    public static IReadOnlyList<string> RenderChain(IReadOnlyList<DeferredSnapshot> deferreds, long rootId, ChainTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        var byId = deferreds.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        if (!byId.TryGetValue(rootId, out var root))
        {
            return [];
        }

        var rows = new List<Row>();
        Draw(root, byId, new HashSet<long>(), rows, indent: null, options ?? ChainTreeOptions.Default);
        return Format(rows).Select(r => r.Text).ToList();
    }

    /// <summary>The rows of <see cref="Render"/>, each with the Deferred and link it shows.</summary>
    public static IReadOnlyList<ChainTreeRow> Layout(IReadOnlyList<DeferredSnapshot> deferreds, ChainTreeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        options ??= ChainTreeOptions.Default;
        var byId = deferreds.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        var nested = deferreds.SelectMany(d => d.Links).Where(l => l.WaitingOn is { } w && byId.ContainsKey(w)).Select(l => l.WaitingOn!.Value).ToHashSet();
        var rows = new List<Row>();
        var drawn = new HashSet<long>();
        foreach (var root in deferreds.Where(d => !nested.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(root, byId, drawn, rows, indent: null, options);
        }

        // Deferreds only reachable through a cycle of waits still get drawn.
        foreach (var rest in deferreds.Where(d => !drawn.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(rest, byId, drawn, rows, indent: null, options);
        }

        return Format(rows);
    }

    /// <summary>
    /// The state as a header shows it. Unfired: "pending 1.2 s", or "waiting on #4, pending 1.2 s"
    /// while its async method awaits #4. Fired, it says how it fired: "succeeded in 0.4 ms",
    /// "failed in 17.0 ms: ConnectionRefusedException: ...", "cancelled after 3.0 s" (the time is
    /// from creation to the chain last settling, or to firing), then "; handled by eb X" when an
    /// errback handled the failure it fired with; "paused" while paused; " (unhandled)" when that
    /// failure is still unhandled, "; ends in an unhandled failure" when the chain failed later;
    /// "-&gt; outcome" when no link ran.
    /// </summary>
    public static string DescribeState(DeferredSnapshot deferred)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        var fired = deferred.FiredAt is not null;
        if (!fired)
        {
            var pending = $"pending {DurationText.Format(deferred.Age)}";
            return deferred.WaitingOn is { } awaited ? $"waiting on #{awaited}, {pending}" : pending;
        }

        if (deferred.State == DeferredState.Paused)
        {
            return "paused";
        }

        var elapsed = DurationText.Format(deferred.Elapsed ?? deferred.Age);
        var cancelled = deferred.CancelRequested && deferred.FiredWithFailure;
        var text = !deferred.FiredWithFailure ? $"succeeded in {elapsed}"
            : cancelled ? $"cancelled after {elapsed}"
            : $"failed in {elapsed}: {deferred.FiredOutcome}";
        if (deferred.HandledBy is { } handler)
        {
            text += $"; handled by {handler}";
        }
        else if (!deferred.Links.Any(l => l.Kind == DeferredLinkKind.Callbacks && l.Reached) && (cancelled || !deferred.FiredWithFailure))
        {
            text += $" -> {deferred.Outcome}";
        }

        if (!deferred.Unhandled)
        {
            return text;
        }

        // Unhandled now: the failure it fired with, or one a callback raised after it succeeded.
        return deferred.FiredWithFailure && deferred.HandledBy is null ? text + " (unhandled)" : text + "; ends in an unhandled failure";
    }

    private static void Draw(DeferredSnapshot deferred, Dictionary<long, DeferredSnapshot> byId, HashSet<long> drawn, List<Row> rows, string? indent, ChainTreeOptions options)
    {
        drawn.Add(deferred.Id);
        var header = deferred.Label is null ? $"#{deferred.Id}" : $"#{deferred.Id} {deferred.Label}";
        rows.Add(indent is null
            ? new Row(header + "  " + DescribeState(deferred), null, Aligned: false, deferred, null, IsHeader: true)
            : new Row(indent + header, DescribeState(deferred), Aligned: true, deferred, null, IsHeader: true));
        var childIndent = indent ?? string.Empty;
        var links = deferred.Links.Where(l => l.Kind != DeferredLinkKind.Continuation).OrderBy(l => l.Kind == DeferredLinkKind.Await ? 0 : 1).ThenBy(l => l.Index).ToArray();
        var more = links.Length > 0 || deferred.LinksNotShown > 0;
        if (options.CreationSites && deferred.CreationSite is { } site)
        {
            rows.Add(new Row($"{childIndent}{(more ? "│" : " ")}  created at {site}", null, Aligned: false, deferred, null, IsHeader: false));
        }

        for (var i = 0; i < links.Length; i++)
        {
            var link = links[i];
            var last = i == links.Length - 1 && deferred.LinksNotShown == 0;
            var branch = last ? "└─ " : "├─ ";
            var tag = link.Kind == DeferredLinkKind.Await ? "aw"
                : (link.Reached ? link.OnErrbackPath == true : link.Callback == "passthru") ? "eb" : "cb";
            var name = !link.Reached
                ? (link.Callback != "passthru" ? link.Callback : link.Errback)
                : link.OnErrbackPath == true ? link.Errback : link.Callback;
            var outcome = DescribeOutcome(deferred, link, byId);
            if (options.LinkDurations && link.Kind == DeferredLinkKind.Callbacks && link.Ran)
            {
                outcome += $"  in {DurationText.FormatShort(link.Duration)}";
            }

            rows.Add(new Row($"{childIndent}{branch}{tag}  {name}", outcome, Aligned: true, deferred, link, IsHeader: false));
            if (link.WaitingOn is { } inner && byId.TryGetValue(inner, out var waited) && !drawn.Contains(inner))
            {
                Draw(waited, byId, drawn, rows, childIndent + (last ? "   " : "│  "), options);
            }
        }

        if (deferred.LinksNotShown > 0)
        {
            rows.Add(new Row($"{childIndent}└─ ({deferred.LinksNotShown} more links not kept)", null, Aligned: false, deferred, null, IsHeader: false));
        }
    }

    private static string DescribeOutcome(DeferredSnapshot deferred, DeferredLinkSnapshot link, Dictionary<long, DeferredSnapshot> byId)
    {
        if (link.Kind == DeferredLinkKind.Await)
        {
            // The method's wait: still on, or what the awaited Deferred gave it.
            return !link.Reached ? $"-> waiting on #{link.WaitingOn}"
                : link.InputIsFailure ? $"-> #{link.WaitingOn} raised {link.Input}"
                : $"-> #{link.WaitingOn} gave {link.Input}";
        }

        if (!link.Reached)
        {
            return "(not run)";
        }

        if (link.IsAwait && link.Input is { } received)
        {
            // The value the method got back (or the failure raised in it), not the null left in the chain.
            return link.InputIsFailure ? $"-> raised in the method: {received}" : $"-> resumed with {received}";
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

    private static List<ChainTreeRow> Format(List<Row> rows)
    {
        var column = MinimumColumn;
        foreach (var row in rows)
        {
            if (row.Aligned && row.Right is not null)
            {
                column = Math.Max(column, row.Left.Length + 2);
            }
        }

        return rows.Select(row => new ChainTreeRow(row.Right is null ? row.Left : row.Left.PadRight(column) + row.Right, row.Deferred, row.Link, row.IsHeader)).ToList();
    }

    private readonly record struct Row(string Left, string? Right, bool Aligned, DeferredSnapshot Deferred, DeferredLinkSnapshot? Link, bool IsHeader);
}
