using System.Globalization;

namespace NetScope.Web.Server.Static;

/// <summary>
/// The one byte range of a <c>Range</c> header a static file answers (RFC 9110 section 14.1.2).
/// </summary>
/// <remarks>
/// Only a single range is served. A header asking for several ranges is ignored and the whole file is sent
/// with 200, which RFC 9110 section 14.2 allows: multipart/byteranges answers are rarely wanted, and
/// overlapping or many small ranges are a known way to make a server do much work for little input.
/// A header that is not valid syntax is ignored too, as the RFC asks.
/// </remarks>
/// <param name="First">The first byte sent.</param>
/// <param name="Last">The last byte sent (inclusive).</param>
public readonly record struct ByteRange(long First, long Last)
{
    /// <summary>How many bytes the range holds.</summary>
    public long Length => Last - First + 1;

    /// <summary>What a <c>Range</c> header asks of a representation of a given length.</summary>
    public enum Outcome
    {
        /// <summary>No usable header (absent, malformed, another unit, or several ranges): send it whole.</summary>
        Ignore,

        /// <summary>A single satisfiable range: send it with 206.</summary>
        Satisfiable,

        /// <summary>A single range that starts past the end: answer 416.</summary>
        Unsatisfiable,
    }

    /// <summary>Parses <paramref name="header"/> against a representation of <paramref name="length"/> bytes.</summary>
    /// <param name="header">The Range value, for example <c>bytes=0-499</c>, <c>bytes=500-</c> or <c>bytes=-500</c>.</param>
    /// <param name="length">The representation's length.</param>
    /// <param name="range">With <see cref="Outcome.Satisfiable"/>, the range clamped to the representation.</param>
    /// <returns>What to answer.</returns>
    public static Outcome Parse(string? header, long length, out ByteRange range)
    {
        range = default;
        if (header is null)
        {
            return Outcome.Ignore;
        }

        var value = header.AsSpan().Trim(" \t");
        var equals = value.IndexOf('=');
        if (equals < 0 || !value[..equals].Trim(" \t").Equals("bytes", StringComparison.OrdinalIgnoreCase))
        {
            return Outcome.Ignore;
        }

        var set = value[(equals + 1)..].Trim(" \t");
        if (set.Contains(','))
        {
            return Outcome.Ignore;
        }

        var dash = set.IndexOf('-');
        if (dash < 0)
        {
            return Outcome.Ignore;
        }

        var firstText = set[..dash].Trim(" \t");
        var lastText = set[(dash + 1)..].Trim(" \t");
        if (firstText.IsEmpty)
        {
            // A suffix range: the last N bytes.
            if (!TryDigits(lastText, out var suffix, out _))
            {
                return Outcome.Ignore;
            }

            if (suffix == 0 || length == 0)
            {
                return Outcome.Unsatisfiable;
            }

            range = new ByteRange(Math.Max(0, length - suffix), length - 1);
            return Outcome.Satisfiable;
        }

        if (!TryDigits(firstText, out var first, out var firstOverflow))
        {
            return Outcome.Ignore;
        }

        var last = long.MaxValue;
        if (!lastText.IsEmpty)
        {
            if (!TryDigits(lastText, out last, out var lastOverflow))
            {
                return Outcome.Ignore;
            }

            if (lastOverflow)
            {
                last = long.MaxValue;
            }

            if (!firstOverflow && last < first)
            {
                return Outcome.Ignore;
            }
        }

        if (firstOverflow || first >= length)
        {
            return Outcome.Unsatisfiable;
        }

        range = new ByteRange(first, Math.Min(last, length - 1));
        return Outcome.Satisfiable;
    }

    /// <summary>The Content-Range value for this range.</summary>
    /// <param name="length">The whole representation's length.</param>
    /// <returns>For example <c>bytes 0-499/1234</c>.</returns>
    public string ToContentRange(long length) => string.Create(CultureInfo.InvariantCulture, $"bytes {First}-{Last}/{length}");

    /// <summary>Parses 1*DIGIT; a value too large for a long reports overflow and <see cref="long.MaxValue"/>.</summary>
    private static bool TryDigits(ReadOnlySpan<char> text, out long value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            if (!overflow)
            {
                if (value > (long.MaxValue - (c - '0')) / 10)
                {
                    overflow = true;
                    value = long.MaxValue;
                }
                else
                {
                    value = (value * 10) + (c - '0');
                }
            }
        }

        return true;
    }
}
