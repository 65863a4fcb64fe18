namespace NetScope.Tui.Input;

/// <summary>
/// The command palette's matching: the query's characters in order anywhere in the title, runs and
/// word starts scoring higher, and the query as a whole word or substring highest of all.
/// </summary>
internal static class FuzzyMatch
{
    /// <summary>The score of <paramref name="candidate"/> for <paramref name="query"/>, or -1 when it does not match. An empty query matches everything with 0.</summary>
    public static int Score(string query, string candidate)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidate);
        int score = 0, next = 0, run = 0;
        foreach (var q in query)
        {
            if (char.IsWhiteSpace(q))
            {
                continue;
            }

            var found = candidate.IndexOf(q.ToString(), next, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return -1;
            }

            run = found == next ? run + 1 : 0;
            var wordStart = found == 0 || !char.IsLetterOrDigit(candidate[found - 1]);
            score += 10 + (run * 5) + (wordStart ? 8 : 0) - Math.Min(found - next, 9);
            next = found + 1;
        }

        var whole = query.Trim();
        var at = whole.Length == 0 ? -1 : candidate.IndexOf(whole, StringComparison.OrdinalIgnoreCase);
        if (at >= 0)
        {
            score += 100 + (at == 0 || !char.IsLetterOrDigit(candidate[at - 1]) ? 50 : 0);
        }

        return score;
    }

    /// <summary>The candidates that match <paramref name="query"/>, best first (ties keep their order).</summary>
    public static IReadOnlyList<T> Filter<T>(IEnumerable<T> candidates, string query, Func<T, string> text) =>
        candidates.Select((c, i) => (Item: c, Index: i, Score: Score(query, text(c))))
            .Where(x => x.Score >= 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Index)
            .Select(x => x.Item)
            .ToArray();
}
