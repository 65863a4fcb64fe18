using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http;

public sealed class HttpDateTests
{
    private static readonly DateTimeOffset Rfc9110Example = new(1994, 11, 6, 8, 49, 37, TimeSpan.Zero);

    [Fact]
    public void FormatsImfFixdateInUtc()
    {
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.Format(Rfc9110Example));
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.Format(new DateTimeOffset(1994, 11, 6, 10, 49, 37, TimeSpan.FromHours(2))));
        Assert.Equal("Mon, 01 Jan 0001 00:00:00 GMT", HttpDate.Format(DateTimeOffset.MinValue));
        Assert.Equal("Fri, 31 Dec 9999 23:59:59 GMT", HttpDate.Format(DateTimeOffset.MaxValue));
    }

    [Fact]
    public void TryFormatWritesBytesOrRefusesSmallSpans()
    {
        var buffer = new byte[HttpDate.Length];

        Assert.False(HttpDate.TryFormat(Rfc9110Example, buffer.AsSpan(1), out var none));
        Assert.True(HttpDate.TryFormat(Rfc9110Example, buffer, out var written));

        Assert.Equal((0, 29), (none, written));
        Assert.Equal("Sun, 06 Nov 1994 08:49:37 GMT", Encoding.ASCII.GetString(buffer));
    }

    [Theory]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun Nov  6 08:49:37 1994")]
    public void ParsesImfFixdateAndAsctime(string text)
    {
        Assert.True(HttpDate.TryParse(text, out var parsed));
        Assert.Equal(Rfc9110Example, parsed);
        Assert.Equal(TimeSpan.Zero, parsed.Offset);
    }

    [Fact]
    public void ParsesRfc850WithTheTwoDigitYearResolvedAgainstNow()
    {
        var now = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.False(HttpDate.TryParse("Sunday, 06-Nov-94 08:49:37 GMT", out _));
        Assert.True(HttpDate.TryParse("Sunday, 06-Nov-94 08:49:37 GMT", now, out var ninetyFour));
        Assert.True(HttpDate.TryParse("Thursday, 06-Nov-25 08:49:37 GMT", now, out var twentyFive));
        Assert.True(HttpDate.TryParse("Monday, 06-Nov-73 08:49:37 GMT", now, out var seventyThree));

        Assert.Equal((1994, 2025, 2073), (ninetyFour.Year, twentyFive.Year, seventyThree.Year));
        Assert.Equal(Rfc9110Example, ninetyFour);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 UTC")]
    [InlineData("Sun, 6 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 31 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 06 Nov 1994 24:00:00 GMT")]
    [InlineData("Sun, 06 Xyz 1994 08:49:37 GMT")]
    [InlineData("Abc, 06 Nov 1994 08:49:37 GMT")]
    [InlineData("Sun, 06 Nov 1994 08:49:37 GMT ")]
    [InlineData("Sun Nov 06 08:49:37 1994 ")]
    [InlineData("1994-11-06T08:49:37Z")]
    public void RefusesAnythingElse(string text)
    {
        Assert.False(HttpDate.TryParse(text, DateTimeOffset.UnixEpoch, out _));
    }

    [Fact]
    public void FormattedDatesParseBack()
    {
        for (var seconds = 0L; seconds < 4_000_000_000L; seconds += 97_531_357L)
        {
            var instant = DateTimeOffset.FromUnixTimeSeconds(seconds);

            Assert.True(HttpDate.TryParse(HttpDate.Format(instant), out var parsed));
            Assert.Equal(instant, parsed);
        }
    }

    [Fact]
    public void CacheFormatsOncePerSecond()
    {
        var cache = new HttpDateCache();
        var start = new DateTimeOffset(2024, 2, 29, 23, 59, 59, TimeSpan.Zero);

        var first = cache.GetString(start);
        var sameSecond = cache.GetString(start.AddMilliseconds(999));
        var nextSecond = cache.GetString(start.AddSeconds(1));

        Assert.Same(first, sameSecond);
        Assert.Equal(("Thu, 29 Feb 2024 23:59:59 GMT", "Fri, 01 Mar 2024 00:00:00 GMT"), (first, nextSecond));
        Assert.Equal("Date: Fri, 01 Mar 2024 00:00:00 GMT\r\n", Encoding.ASCII.GetString(cache.GetHeaderLine(start.AddSeconds(1.5))));
        Assert.Equal("Fri, 01 Mar 2024 00:00:00 GMT", Encoding.ASCII.GetString(cache.GetBytes(start.AddSeconds(1))));
    }
}
