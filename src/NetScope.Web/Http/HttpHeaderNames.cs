using System.Text;

namespace NetScope.Web.Http;

/// <summary>
/// Common field names in their usual spelling. The parsers reuse these instances when a name arrives
/// spelled exactly so, which keeps header parsing free of string allocations.
/// </summary>
public static class HttpHeaderNames
{
    /// <summary>Accept.</summary>
    public const string Accept = "Accept";

    /// <summary>Accept-Charset.</summary>
    public const string AcceptCharset = "Accept-Charset";

    /// <summary>Accept-Encoding.</summary>
    public const string AcceptEncoding = "Accept-Encoding";

    /// <summary>Accept-Language.</summary>
    public const string AcceptLanguage = "Accept-Language";

    /// <summary>Accept-Ranges.</summary>
    public const string AcceptRanges = "Accept-Ranges";

    /// <summary>Age.</summary>
    public const string Age = "Age";

    /// <summary>Allow.</summary>
    public const string Allow = "Allow";

    /// <summary>Authorization.</summary>
    public const string Authorization = "Authorization";

    /// <summary>Cache-Control.</summary>
    public const string CacheControl = "Cache-Control";

    /// <summary>Connection.</summary>
    public const string Connection = "Connection";

    /// <summary>Content-Disposition.</summary>
    public const string ContentDisposition = "Content-Disposition";

    /// <summary>Content-Encoding.</summary>
    public const string ContentEncoding = "Content-Encoding";

    /// <summary>Content-Language.</summary>
    public const string ContentLanguage = "Content-Language";

    /// <summary>Content-Length.</summary>
    public const string ContentLength = "Content-Length";

    /// <summary>Content-Location.</summary>
    public const string ContentLocation = "Content-Location";

    /// <summary>Content-Range.</summary>
    public const string ContentRange = "Content-Range";

    /// <summary>Content-Type.</summary>
    public const string ContentType = "Content-Type";

    /// <summary>Cookie.</summary>
    public const string Cookie = "Cookie";

    /// <summary>Date.</summary>
    public const string Date = "Date";

    /// <summary>DNT.</summary>
    public const string Dnt = "DNT";

    /// <summary>ETag.</summary>
    public const string ETag = "ETag";

    /// <summary>Expect.</summary>
    public const string Expect = "Expect";

    /// <summary>Expires.</summary>
    public const string Expires = "Expires";

    /// <summary>From.</summary>
    public const string From = "From";

    /// <summary>Host.</summary>
    public const string Host = "Host";

    /// <summary>If-Match.</summary>
    public const string IfMatch = "If-Match";

    /// <summary>If-Modified-Since.</summary>
    public const string IfModifiedSince = "If-Modified-Since";

    /// <summary>If-None-Match.</summary>
    public const string IfNoneMatch = "If-None-Match";

    /// <summary>If-Range.</summary>
    public const string IfRange = "If-Range";

    /// <summary>If-Unmodified-Since.</summary>
    public const string IfUnmodifiedSince = "If-Unmodified-Since";

    /// <summary>Keep-Alive.</summary>
    public const string KeepAlive = "Keep-Alive";

    /// <summary>Last-Modified.</summary>
    public const string LastModified = "Last-Modified";

    /// <summary>Location.</summary>
    public const string Location = "Location";

    /// <summary>Max-Forwards.</summary>
    public const string MaxForwards = "Max-Forwards";

    /// <summary>Origin.</summary>
    public const string Origin = "Origin";

    /// <summary>Pragma.</summary>
    public const string Pragma = "Pragma";

    /// <summary>Priority.</summary>
    public const string Priority = "Priority";

    /// <summary>Proxy-Authenticate.</summary>
    public const string ProxyAuthenticate = "Proxy-Authenticate";

    /// <summary>Proxy-Authorization.</summary>
    public const string ProxyAuthorization = "Proxy-Authorization";

    /// <summary>Proxy-Connection.</summary>
    public const string ProxyConnection = "Proxy-Connection";

    /// <summary>Range.</summary>
    public const string Range = "Range";

    /// <summary>Referer.</summary>
    public const string Referer = "Referer";

    /// <summary>Retry-After.</summary>
    public const string RetryAfter = "Retry-After";

    /// <summary>Sec-Ch-Ua.</summary>
    public const string SecChUa = "Sec-Ch-Ua";

    /// <summary>Sec-Ch-Ua-Mobile.</summary>
    public const string SecChUaMobile = "Sec-Ch-Ua-Mobile";

    /// <summary>Sec-Ch-Ua-Platform.</summary>
    public const string SecChUaPlatform = "Sec-Ch-Ua-Platform";

    /// <summary>Sec-Fetch-Dest.</summary>
    public const string SecFetchDest = "Sec-Fetch-Dest";

    /// <summary>Sec-Fetch-Mode.</summary>
    public const string SecFetchMode = "Sec-Fetch-Mode";

    /// <summary>Sec-Fetch-Site.</summary>
    public const string SecFetchSite = "Sec-Fetch-Site";

    /// <summary>Sec-Fetch-User.</summary>
    public const string SecFetchUser = "Sec-Fetch-User";

    /// <summary>Server.</summary>
    public const string Server = "Server";

    /// <summary>Set-Cookie.</summary>
    public const string SetCookie = "Set-Cookie";

    /// <summary>TE.</summary>
    public const string TE = "TE";

    /// <summary>Trailer.</summary>
    public const string Trailer = "Trailer";

    /// <summary>Transfer-Encoding.</summary>
    public const string TransferEncoding = "Transfer-Encoding";

    /// <summary>Upgrade.</summary>
    public const string Upgrade = "Upgrade";

    /// <summary>Upgrade-Insecure-Requests.</summary>
    public const string UpgradeInsecureRequests = "Upgrade-Insecure-Requests";

    /// <summary>User-Agent.</summary>
    public const string UserAgent = "User-Agent";

    /// <summary>Vary.</summary>
    public const string Vary = "Vary";

    /// <summary>Via.</summary>
    public const string Via = "Via";

    /// <summary>WWW-Authenticate.</summary>
    public const string WwwAuthenticate = "WWW-Authenticate";

    /// <summary>X-Forwarded-For.</summary>
    public const string XForwardedFor = "X-Forwarded-For";

    /// <summary>X-Forwarded-Proto.</summary>
    public const string XForwardedProto = "X-Forwarded-Proto";

    /// <summary>X-Requested-With.</summary>
    public const string XRequestedWith = "X-Requested-With";

    // Names grouped by length, so a lookup compares against two or three candidates at most.
    private static readonly string[][] ByLength = BuildTable();

    /// <summary>The constant above spelled exactly like <paramref name="name"/>, or <see langword="null"/>.</summary>
    internal static string? TryGetKnown(ReadOnlySpan<byte> name)
    {
        if (name.Length >= ByLength.Length)
        {
            return null;
        }

        foreach (var candidate in ByLength[name.Length])
        {
            if (candidate[0] == name[0] && Ascii.Equals(name, candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string[][] BuildTable()
    {
        string[] all =
        [
            Accept, AcceptCharset, AcceptEncoding, AcceptLanguage, AcceptRanges, Age, Allow, Authorization,
            CacheControl, Connection, ContentDisposition, ContentEncoding, ContentLanguage, ContentLength,
            ContentLocation, ContentRange, ContentType, Cookie, Date, Dnt, ETag, Expect, Expires, From, Host,
            IfMatch, IfModifiedSince, IfNoneMatch, IfRange, IfUnmodifiedSince, KeepAlive, LastModified, Location,
            MaxForwards, Origin, Pragma, Priority, ProxyAuthenticate, ProxyAuthorization, ProxyConnection, Range,
            Referer, RetryAfter, SecChUa, SecChUaMobile, SecChUaPlatform, SecFetchDest, SecFetchMode,
            SecFetchSite, SecFetchUser, Server, SetCookie, TE, Trailer, TransferEncoding, Upgrade,
            UpgradeInsecureRequests, UserAgent, Vary, Via, WwwAuthenticate, XForwardedFor, XForwardedProto,
            XRequestedWith,
        ];
        var table = new string[all.Max(n => n.Length) + 1][];
        for (var length = 0; length < table.Length; length++)
        {
            table[length] = [.. all.Where(n => n.Length == length)];
        }

        return table;
    }
}
