using System.Text;

namespace NetScope.Web.Http;

/// <summary>
/// The Date header of the current second, formatted once per second instead of once per response.
/// The time is passed in (from the reactor's clock), never read here.
/// </summary>
/// <remarks>Safe to share between threads: each second's values live in one immutable object swapped in whole.</remarks>
public sealed class HttpDateCache
{
    private Entry? _current;

    /// <summary>The IMF-fixdate of <paramref name="now"/> as bytes (<see cref="HttpDate.Length"/> of them).</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The formatted date; do not keep the span past the second.</returns>
    public ReadOnlySpan<byte> GetBytes(DateTimeOffset now) => GetEntry(now).Bytes.AsSpan(6, HttpDate.Length);

    /// <summary>The whole field line <c>Date: Sun, 06 Nov 1994 08:49:37 GMT\r\n</c>, ready to copy into a head.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The 37 bytes of the field line.</returns>
    public ReadOnlySpan<byte> GetHeaderLine(DateTimeOffset now) => GetEntry(now).Bytes;

    /// <summary>The IMF-fixdate of <paramref name="now"/> as a string, for <see cref="HttpHeaders.Set"/>.</summary>
    /// <param name="now">The current time.</param>
    /// <returns>The same instance for every call within one second.</returns>
    public string GetString(DateTimeOffset now) => GetEntry(now).Text;

    private Entry GetEntry(DateTimeOffset now)
    {
        var second = now.UtcTicks / TimeSpan.TicksPerSecond;
        var entry = _current;
        if (entry is null || entry.Second != second)
        {
            entry = new Entry(second, now);
            _current = entry;
        }

        return entry;
    }

    private sealed class Entry
    {
        public Entry(long second, DateTimeOffset now)
        {
            Second = second;
            Bytes = new byte[6 + HttpDate.Length + 2];
            "Date: "u8.CopyTo(Bytes);
            HttpDate.TryFormat(now, Bytes.AsSpan(6), out _);
            "\r\n"u8.CopyTo(Bytes.AsSpan(6 + HttpDate.Length));
            Text = Encoding.ASCII.GetString(Bytes, 6, HttpDate.Length);
        }

        public long Second { get; }

        public byte[] Bytes { get; }

        public string Text { get; }
    }
}
