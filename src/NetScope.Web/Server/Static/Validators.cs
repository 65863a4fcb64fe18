using System.Globalization;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Static;

/// <summary>
/// The validators of a file (a strong ETag from its modification time and length, and Last-Modified) and the
/// evaluation of conditional requests against them, in the order of RFC 9110 section 13.2.2.
/// </summary>
internal static class Validators
{
    /// <summary>The strong entity tag of a file: its modification time in ticks and its length, in hexadecimal.</summary>
    public static string MakeETag(DateTimeOffset lastWrite, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"\"{lastWrite.UtcTicks:x}-{length:x}\"");

    /// <summary>Truncates to whole seconds, the precision of HTTP dates.</summary>
    public static DateTimeOffset ToSeconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    /// <summary>
    /// The status a conditional request gets before any content is considered: 412, 304, or 0 to go on.
    /// </summary>
    public static int Evaluate(StaticQuery query, string etag, DateTimeOffset lastModified)
    {
        var safe = query.Method is HttpMethods.Get or HttpMethods.Head;
        if (query.IfMatch is { } ifMatch)
        {
            if (!Matches(ifMatch, etag, weak: false))
            {
                return 412;
            }
        }
        else if (query.IfUnmodifiedSince is { } ifUnmodified && HttpDate.TryParse(ifUnmodified, query.Now, out var since) && lastModified > since)
        {
            return 412;
        }

        if (query.IfNoneMatch is { } ifNoneMatch)
        {
            if (Matches(ifNoneMatch, etag, weak: true))
            {
                return safe ? 304 : 412;
            }
        }
        else if (safe
            && query.IfModifiedSince is { } ifModified
            && HttpDate.TryParse(ifModified, query.Now, out var modifiedSince)
            && modifiedSince <= query.Now
            && lastModified <= modifiedSince)
        {
            return 304;
        }

        return 0;
    }

    /// <summary>Whether an If-Range value lets a range be served: a strong ETag that matches, or the exact Last-Modified date.</summary>
    public static bool IfRangeHolds(string? ifRange, string etag, DateTimeOffset lastModified, DateTimeOffset now)
    {
        if (ifRange is null)
        {
            return true;
        }

        var value = ifRange.Trim();
        if (value.StartsWith('"') || value.StartsWith("W/", StringComparison.Ordinal))
        {
            return !value.StartsWith("W/", StringComparison.Ordinal) && string.Equals(value, etag, StringComparison.Ordinal);
        }

        return HttpDate.TryParse(value, now, out var date) && date == lastModified;
    }

    /// <summary>
    /// Whether a list of entity tags (<c>"a", W/"b"</c>, or <c>*</c>) holds <paramref name="etag"/>, compared
    /// weakly (the W/ prefix ignored) or strongly (weak tags never match).
    /// </summary>
    public static bool Matches(string list, string etag, bool weak)
    {
        var text = list.AsSpan().Trim(" \t");
        if (text.SequenceEqual("*"))
        {
            return true;
        }

        var position = 0;
        while (position < text.Length)
        {
            var c = text[position];
            if (c is ' ' or '\t' or ',')
            {
                position++;
                continue;
            }

            var isWeak = false;
            if (c == 'W' && position + 1 < text.Length && text[position + 1] == '/')
            {
                isWeak = true;
                position += 2;
            }

            if (position >= text.Length || text[position] != '"')
            {
                return false;
            }

            var close = text[(position + 1)..].IndexOf('"');
            if (close < 0)
            {
                return false;
            }

            var tag = text.Slice(position, close + 2);
            position += close + 2;
            if ((weak || !isWeak) && tag.SequenceEqual(etag))
            {
                return true;
            }
        }

        return false;
    }
}
