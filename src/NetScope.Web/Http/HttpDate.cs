using System.Text;

namespace NetScope.Web.Http;

/// <summary>
/// HTTP dates (RFC 9110 section 5.6.7): formats IMF-fixdate (<c>Sun, 06 Nov 1994 08:49:37 GMT</c>) and
/// parses it and the two obsolete formats. The current time is always passed in, never read.
/// </summary>
public static class HttpDate
{
    /// <summary>The length of an IMF-fixdate in characters (and bytes).</summary>
    public const int Length = 29;

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private static readonly string[] LongDayNames = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>Formats <paramref name="value"/> as an IMF-fixdate, in UTC, to the second.</summary>
    /// <param name="value">The instant (its offset is applied); the year must be 1 to 9999.</param>
    /// <returns>For example <c>Sun, 06 Nov 1994 08:49:37 GMT</c>.</returns>
    public static string Format(DateTimeOffset value)
    {
        Span<byte> bytes = stackalloc byte[Length];
        TryFormat(value, bytes, out _);
        return Encoding.ASCII.GetString(bytes);
    }

    /// <summary>Formats <paramref name="value"/> as an IMF-fixdate into bytes.</summary>
    /// <param name="value">The instant.</param>
    /// <param name="destination">At least <see cref="Length"/> bytes.</param>
    /// <param name="bytesWritten"><see cref="Length"/>, or 0 when the destination is too small.</param>
    /// <returns>Whether it fit.</returns>
    public static bool TryFormat(DateTimeOffset value, Span<byte> destination, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < Length)
        {
            return false;
        }

        var utc = value.UtcDateTime;
        var day = DayNames[(int)utc.DayOfWeek];
        var month = MonthNames[utc.Month - 1];
        destination[0] = (byte)day[0];
        destination[1] = (byte)day[1];
        destination[2] = (byte)day[2];
        destination[3] = (byte)',';
        destination[4] = (byte)' ';
        WriteDigits(destination[5..7], utc.Day);
        destination[7] = (byte)' ';
        destination[8] = (byte)month[0];
        destination[9] = (byte)month[1];
        destination[10] = (byte)month[2];
        destination[11] = (byte)' ';
        WriteDigits(destination[12..16], utc.Year);
        destination[16] = (byte)' ';
        WriteDigits(destination[17..19], utc.Hour);
        destination[19] = (byte)':';
        WriteDigits(destination[20..22], utc.Minute);
        destination[22] = (byte)':';
        WriteDigits(destination[23..25], utc.Second);
        " GMT"u8.CopyTo(destination[25..]);
        bytesWritten = Length;
        return true;
    }

    /// <summary>
    /// Parses an IMF-fixdate or an asctime date (<c>Sun Nov  6 08:49:37 1994</c>). The obsolete RFC 850
    /// format has a two-digit year and needs the current time: use the other overload for it.
    /// </summary>
    /// <param name="value">The field value.</param>
    /// <param name="result">The instant, with offset zero.</param>
    /// <returns>Whether the value was a valid date.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, out DateTimeOffset result) =>
        TryParseImfFixdate(value, out result) || TryParseAsctime(value, out result);

    /// <summary>
    /// Parses any of the three HTTP date formats. A two-digit RFC 850 year that would be more than 50 years
    /// after <paramref name="now"/> means the most recent past year with those digits (RFC 9110 section 5.6.7).
    /// </summary>
    /// <param name="value">The field value.</param>
    /// <param name="now">The current time, as the caller's clock tells it.</param>
    /// <param name="result">The instant, with offset zero.</param>
    /// <returns>Whether the value was a valid date.</returns>
    public static bool TryParse(ReadOnlySpan<char> value, DateTimeOffset now, out DateTimeOffset result) =>
        TryParse(value, out result) || TryParseRfc850(value, now, out result);

    // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT"
    private static bool TryParseImfFixdate(ReadOnlySpan<char> s, out DateTimeOffset result)
    {
        result = default;
        return s.Length == Length
            && IsDayName(s[..3], DayNames)
            && s[3..5].SequenceEqual(", ")
            && TryDigits(s[5..7], out var day)
            && s[7] == ' '
            && TryMonth(s[8..11], out var month)
            && s[11] == ' '
            && TryDigits(s[12..16], out var year)
            && s[16] == ' '
            && TryTime(s[17..25], out var hour, out var minute, out var second)
            && s[25..].SequenceEqual(" GMT")
            && TryCreate(year, month, day, hour, minute, second, out result);
    }

    // asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space).
    private static bool TryParseAsctime(ReadOnlySpan<char> s, out DateTimeOffset result)
    {
        result = default;
        var dayText = s.Length == 24 ? s[8..10] : default;
        if (dayText.Length == 2 && dayText[0] == ' ')
        {
            dayText = dayText[1..];
        }

        return s.Length == 24
            && IsDayName(s[..3], DayNames)
            && s[3] == ' '
            && TryMonth(s[4..7], out var month)
            && s[7] == ' '
            && TryDigits(dayText, out var day)
            && s[10] == ' '
            && TryTime(s[11..19], out var hour, out var minute, out var second)
            && s[19] == ' '
            && TryDigits(s[20..24], out var year)
            && TryCreate(year, month, day, hour, minute, second, out result);
    }

    // RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT"
    private static bool TryParseRfc850(ReadOnlySpan<char> s, DateTimeOffset now, out DateTimeOffset result)
    {
        result = default;
        var comma = s.IndexOf(',');
        if (comma < 0 || !IsDayName(s[..comma], LongDayNames))
        {
            return false;
        }

        s = s[(comma + 1)..];
        if (!(s.Length == 23
            && s[0] == ' '
            && TryDigits(s[1..3], out var day)
            && s[3] == '-'
            && TryMonth(s[4..7], out var month)
            && s[7] == '-'
            && TryDigits(s[8..10], out var shortYear)
            && s[10] == ' '
            && TryTime(s[11..19], out var hour, out var minute, out var second)
            && s[19..].SequenceEqual(" GMT")))
        {
            return false;
        }

        var currentYear = now.UtcDateTime.Year;
        var year = (currentYear / 100 * 100) + shortYear;
        if (year > currentYear + 50)
        {
            year -= 100;
        }

        return TryCreate(year, month, day, hour, minute, second, out result);
    }

    private static bool IsDayName(ReadOnlySpan<char> text, string[] names)
    {
        foreach (var name in names)
        {
            if (text.SequenceEqual(name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryMonth(ReadOnlySpan<char> text, out int month)
    {
        for (month = 1; month <= 12; month++)
        {
            if (text.SequenceEqual(MonthNames[month - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryTime(ReadOnlySpan<char> text, out int hour, out int minute, out int second)
    {
        minute = second = 0;
        return TryDigits(text[..2], out hour)
            && text[2] == ':'
            && TryDigits(text[3..5], out minute)
            && text[5] == ':'
            && TryDigits(text[6..8], out second);
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static bool TryCreate(int year, int month, int day, int hour, int minute, int second, out DateTimeOffset result)
    {
        result = default;

        // RFC 9110 allows a leap second (60); DateTime does not, and a date that late is never decisive.
        if (year is < 1 or > 9999 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 60)
        {
            return false;
        }

        var date = new DateTime(year, month, day, hour, minute, Math.Min(second, 59), DateTimeKind.Utc);
        result = new DateTimeOffset(date, TimeSpan.Zero);
        return true;
    }

    private static void WriteDigits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }
}
