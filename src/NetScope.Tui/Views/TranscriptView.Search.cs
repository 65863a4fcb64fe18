using System.Globalization;
using NetScope.Tui.Model;

namespace NetScope.Tui.Views;

/// <content>Search: <c>/</c> finds text in what is shown (escapes included, as drawn); next and previous move between matches.</content>
internal sealed partial class TranscriptView
{
    private const int SearchBatch = 512;
    private string? _query;
    private long _matchLine = -1;

    /// <summary>The current search text, if any.</summary>
    public string? Query => _query;

    /// <summary>The line of the current match, or -1.</summary>
    public long MatchLine => _matchLine;

    /// <summary>
    /// Searches for <paramref name="query"/> from the line after the current match (or the first
    /// visible line), wrapping around; lower-case text matches either case. Returns a one-line
    /// result ("match at line 12", "not found: foo").
    /// </summary>
    public string Search(string query, bool forward = true)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length == 0)
        {
            ClearSearch();
            return "search cleared";
        }

        _query = query;
        var count = LineCount;
        if (count == 0 || _buffer is null)
        {
            _matchLine = -1;
            return $"not found: {query}";
        }

        var start = _matchLine >= 0 ? _matchLine + (forward ? 1 : -1) : forward ? _top : _top + Math.Max(0, Viewport.Height - 1);
        var found = forward ? FindForward(query, start, count) : FindBackward(query, start, count);
        if (found < 0)
        {
            _matchLine = -1;
            SetNeedsDraw();
            StateChanged?.Invoke(this, EventArgs.Empty);
            return $"not found: {query}";
        }

        _matchLine = found;
        _following = false;
        _top = Math.Clamp(found - (Viewport.Height / 2), 0, MaxTop);
        SetNeedsDraw();
        StateChanged?.Invoke(this, EventArgs.Empty);
        return string.Create(CultureInfo.InvariantCulture, $"/{query}: line {found + 1:N0} of {count:N0}");
    }

    /// <summary>Moves to the next (or previous) match of the last search.</summary>
    public string SearchAgain(bool forward) => _query is { } query ? Search(query, forward) : "no search yet: / searches";

    /// <summary>Forgets the search (no more highlights).</summary>
    public void ClearSearch()
    {
        _query = null;
        _matchLine = -1;
        SetNeedsDraw();
    }

    private StringComparison Comparison => _query is { } q && q.Any(char.IsUpper) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    private IReadOnlyList<(int Start, int Length)> Matches(in TranscriptLine line)
    {
        if (_query is not { } query)
        {
            return [];
        }

        var text = ContentText(line, Mode);
        var found = new List<(int, int)>();
        for (var at = text.IndexOf(query, Comparison); at >= 0; at = text.IndexOf(query, at + query.Length, Comparison))
        {
            found.Add((at, query.Length));
        }

        return found;
    }

    private long FindForward(string query, long start, long count)
    {
        var lines = new List<TranscriptLine>(SearchBatch);
        for (long scanned = 0, line = Wrap(start, count); scanned < count;)
        {
            lines.Clear();
            var take = (int)Math.Min(SearchBatch, Math.Min(count - line, count - scanned));
            _buffer!.GetLines(Mode, line, take, lines);
            for (var i = 0; i < lines.Count; i++)
            {
                if (ContentText(lines[i], Mode).Contains(query, Comparison))
                {
                    return line + i;
                }
            }

            scanned += Math.Max(1, lines.Count);
            line = Wrap(line + Math.Max(1, lines.Count), count);
        }

        return -1;
    }

    private long FindBackward(string query, long start, long count)
    {
        var lines = new List<TranscriptLine>(SearchBatch);
        for (long scanned = 0, end = Wrap(start, count) + 1; scanned < count;)
        {
            lines.Clear();
            var take = (int)Math.Min(SearchBatch, Math.Min(end, count - scanned));
            var from = end - take;
            _buffer!.GetLines(Mode, from, take, lines);
            for (var i = lines.Count - 1; i >= 0; i--)
            {
                if (ContentText(lines[i], Mode).Contains(query, Comparison))
                {
                    return from + i;
                }
            }

            scanned += Math.Max(1, take);
            end = from <= 0 ? count : from;
        }

        return -1;
    }

    private static long Wrap(long line, long count) => ((line % count) + count) % count;
}
