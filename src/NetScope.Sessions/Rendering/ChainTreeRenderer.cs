using NetScope.Sessions.Deferreds;

namespace NetScope.Sessions.Rendering;

/// <summary>
/// Draws Deferred chains as text trees: a header per Deferred (<c>#id label  state</c>), a row per
/// link (<c>cb</c>/<c>eb</c>, the function's name, <c>-&gt; outcome</c>), and the Deferred a link
/// waited on nested under that link:
/// <code>
/// #3 connect 127.0.0.1:7007  succeeded in 0.4 ms
/// ├─ cb  Session.OnConnected         -> EchoClient
/// └─ cb  Script.SendGreeting         -> waiting on #4
///    #4 expect /hello/               pending 1.2 s
/// </code>
/// Outcomes and nested states line up in one column (at least <see cref="MinimumColumn"/>).
/// </summary>
public static class ChainTreeRenderer
{
    /// <summary>The outcome column is never further left than this.</summary>
    public const int MinimumColumn = 35;

    /// <summary>
    /// Renders every tree in <paramref name="deferreds"/> (a session's Deferreds): each Deferred
    /// that no link in the set waited on is a root, in number order.
    /// </summary>
    public static IReadOnlyList<string> Render(IReadOnlyList<DeferredSnapshot> deferreds)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        var byId = deferreds.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        var nested = deferreds.SelectMany(d => d.Links).Where(l => l.WaitingOn is { } w && byId.ContainsKey(w)).Select(l => l.WaitingOn!.Value).ToHashSet();
        var rows = new List<Row>();
        var drawn = new HashSet<long>();
        foreach (var root in deferreds.Where(d => !nested.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(root, byId, drawn, rows, indent: null);
        }

        // Deferreds only reachable through a cycle of waits still get drawn.
        foreach (var rest in deferreds.Where(d => !drawn.Contains(d.Id)).OrderBy(d => d.Id))
        {
            Draw(rest, byId, drawn, rows, indent: null);
        }

        return Format(rows);
    }

    /// <summary>Renders the one tree rooted at Deferred <paramref name="rootId"/> of <paramref name="deferreds"/>.</summary>
    public static IReadOnlyList<string> RenderChain(IReadOnlyList<DeferredSnapshot> deferreds, long rootId)
    {
        ArgumentNullException.ThrowIfNull(deferreds);
        var byId = deferreds.GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First());
        if (!byId.TryGetValue(rootId, out var root))
        {
            return [];
        }

        var rows = new List<Row>();
        Draw(root, byId, new HashSet<long>(), rows, indent: null);
        return Format(rows);
    }

    /// <summary>
    /// The state as a header shows it: "pending 1.2 s", "paused", "succeeded in 0.4 ms" (fired
    /// 0.4 ms after creation; also while a link waits on another Deferred, which that link's row
    /// shows), "failed in 2.0 ms", "cancelled after 3.0 s"; " (unhandled)" is added to a failure
    /// no errback has handled, and "-&gt; outcome" when no link ran.
    /// </summary>
    public static string DescribeState(DeferredSnapshot deferred)
    {
        ArgumentNullException.ThrowIfNull(deferred);
        var elapsed = DurationText.Format(deferred.Elapsed ?? deferred.Age);
        var text = deferred.State switch
        {
            DeferredState.Pending => $"pending {DurationText.Format(deferred.Age)}",
            DeferredState.Paused => "paused",
            // The row of the link that returned the other Deferred says what it waits on; the header says how it fired.
            DeferredState.Waiting => $"{(deferred.OutcomeIsFailure ? "failed" : "succeeded")} in {elapsed}",
            DeferredState.Succeeded => $"succeeded in {elapsed}",
            DeferredState.Cancelled => $"cancelled after {elapsed}",
            _ => $"failed in {elapsed}",
        };
        var fired = deferred.State is DeferredState.Succeeded or DeferredState.Failed or DeferredState.Cancelled;
        if (fired && !deferred.Links.Any(l => l.Kind == DeferredLinkKind.Callbacks && l.Reached))
        {
            text += $" -> {deferred.Outcome}";
        }

        return deferred.Unhandled ? text + " (unhandled)" : text;
    }

    private static void Draw(DeferredSnapshot deferred, Dictionary<long, DeferredSnapshot> byId, HashSet<long> drawn, List<Row> rows, string? indent)
    {
        drawn.Add(deferred.Id);
        var header = deferred.Label is null ? $"#{deferred.Id}" : $"#{deferred.Id} {deferred.Label}";
        rows.Add(indent is null
            ? new Row(header + "  " + DescribeState(deferred), null, Aligned: false)
            : new Row(indent + header, DescribeState(deferred), Aligned: true));
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
            rows.Add(new Row($"{childIndent}{branch}{tag}  {name}", DescribeOutcome(deferred, link, byId), Aligned: true));
            if (link.WaitingOn is { } inner && byId.TryGetValue(inner, out var waited) && !drawn.Contains(inner))
            {
                Draw(waited, byId, drawn, rows, childIndent + (last ? "   " : "│  "));
            }
        }

        if (deferred.LinksNotShown > 0)
        {
            rows.Add(new Row($"{childIndent}└─ ({deferred.LinksNotShown} more links not kept)", null, Aligned: false));
        }
    }

    private static string DescribeOutcome(DeferredSnapshot deferred, DeferredLinkSnapshot link, Dictionary<long, DeferredSnapshot> byId)
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

    private static List<string> Format(List<Row> rows)
    {
        var column = MinimumColumn;
        foreach (var row in rows)
        {
            if (row.Aligned && row.Right is not null)
            {
                column = Math.Max(column, row.Left.Length + 2);
            }
        }

        return rows.Select(row => row.Right is null ? row.Left : row.Left.PadRight(column) + row.Right).ToList();
    }

    private readonly record struct Row(string Left, string? Right, bool Aligned);
}
