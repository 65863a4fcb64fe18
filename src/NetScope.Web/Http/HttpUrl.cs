using System.Diagnostics.CodeAnalysis;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// An absolute <c>http://</c> or <c>https://</c> URL taken apart for a client: where to connect, what to
/// send as Host, and the origin-form request-target.
/// </summary>
public sealed class HttpUrl
{
    private HttpUrl(string scheme, string? userInfo, string host, bool isIPv6Literal, int port, string pathAndQuery)
    {
        Scheme = scheme;
        UserInfo = userInfo;
        Host = host;
        IsIPv6Literal = isIPv6Literal;
        Port = port;
        PathAndQuery = pathAndQuery;
    }

    /// <summary>"http" or "https", in lower case.</summary>
    public string Scheme { get; }

    /// <summary>Whether the scheme is https.</summary>
    public bool IsHttps => Scheme == "https";

    /// <summary>The userinfo before <c>@</c> (still percent-encoded), or <see langword="null"/>.</summary>
    public string? UserInfo { get; }

    /// <summary>The host to connect to: a name, an IPv4 address, or an IPv6 address without brackets (with <c>%zone</c> if any).</summary>
    public string Host { get; }

    /// <summary>Whether <see cref="Host"/> was given as a bracketed IPv6 literal.</summary>
    public bool IsIPv6Literal { get; }

    /// <summary>The port: as given, or 80 for http and 443 for https.</summary>
    public int Port { get; }

    /// <summary>Whether <see cref="Port"/> is the scheme's default.</summary>
    public bool IsDefaultPort => Port == (IsHttps ? 443 : 80);

    /// <summary>The value for the Host field: brackets around IPv6 (without zone), and the port unless it is the default.</summary>
    public string Authority
    {
        get
        {
            var host = IsIPv6Literal ? $"[{StripZone(Host)}]" : Host;
            return IsDefaultPort ? host : $"{host}:{Port}";
        }
    }

    /// <summary>The origin-form request-target: the path (<c>/</c> when empty) and the query, without the fragment.</summary>
    public string PathAndQuery { get; }

    /// <summary>The path part of <see cref="PathAndQuery"/>.</summary>
    public string Path
    {
        get
        {
            var question = PathAndQuery.IndexOf('?');
            return question < 0 ? PathAndQuery : PathAndQuery[..question];
        }
    }

    /// <summary>The query after <c>?</c>, or an empty string.</summary>
    public string Query
    {
        get
        {
            var question = PathAndQuery.IndexOf('?');
            return question < 0 ? string.Empty : PathAndQuery[(question + 1)..];
        }
    }

    /// <summary>Parses an absolute http or https URL.</summary>
    /// <param name="url">For example <c>http://[::1]:8080/a?b=c</c>.</param>
    /// <returns>The parsed URL.</returns>
    /// <exception cref="FormatException">The URL is not an absolute http or https URL; the message says why.</exception>
    public static HttpUrl Parse(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return TryParse(url, out var result, out var error) ? result : throw new FormatException($"'{url}' is not a valid URL: {error}");
    }

    /// <summary>Parses an absolute http or https URL without throwing.</summary>
    /// <param name="url">The URL text.</param>
    /// <param name="result">The parsed URL.</param>
    /// <returns>Whether the text was a valid absolute http or https URL.</returns>
    public static bool TryParse([NotNullWhen(true)] string? url, [NotNullWhen(true)] out HttpUrl? result) =>
        TryParse(url, out result, out _);

    /// <summary>The URL in normal form: <c>scheme://authority/path?query</c> (no userinfo).</summary>
    /// <returns>The URL text.</returns>
    public override string ToString() => $"{Scheme}://{Authority}{PathAndQuery}";

    private static bool TryParse(string? url, [NotNullWhen(true)] out HttpUrl? result, out string error)
    {
        result = null;
        if (string.IsNullOrEmpty(url))
        {
            error = "it is empty";
            return false;
        }

        var separator = url.IndexOf("://", StringComparison.Ordinal);
        var scheme = separator < 0 ? string.Empty : url[..separator].ToLowerInvariant();
        if (scheme is not ("http" or "https"))
        {
            error = "it must start with http:// or https://";
            return false;
        }

        var rest = url.AsSpan(separator + 3);
        var authorityEnd = rest.IndexOfAny('/', '?', '#');
        var authority = authorityEnd < 0 ? rest : rest[..authorityEnd];
        var tail = authorityEnd < 0 ? [] : rest[authorityEnd..];

        string? userInfo = null;
        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            userInfo = authority[..at].ToString();
            authority = authority[(at + 1)..];
            if (!IsValidUserInfo(userInfo))
            {
                error = "the user information holds an invalid character";
                return false;
            }
        }

        if (!HttpAuthority.TryParse(authority, allowZoneId: true, out var host, out var port, out var isIPv6) || host.IsEmpty)
        {
            error = "the host or port is invalid";
            return false;
        }

        var fragment = tail.IndexOf('#');
        if (fragment >= 0)
        {
            tail = tail[..fragment];
        }

        if (!tail.IsEmpty && !HttpSyntax.IsValidRequestTarget(tail))
        {
            error = "the path or query holds a space, a control character or a non-ASCII character (percent-encode it)";
            return false;
        }

        var pathAndQuery = tail.IsEmpty ? "/" : tail[0] == '?' ? "/" + tail.ToString() : tail.ToString();
        var hostText = isIPv6 ? host.ToString().Replace("%25", "%", StringComparison.Ordinal) : host.ToString();
        var effectivePort = port >= 0 ? port : scheme == "https" ? 443 : 80;
        result = new HttpUrl(scheme, userInfo, hostText, isIPv6, effectivePort, pathAndQuery);
        error = string.Empty;
        return true;
    }

    private static bool IsValidUserInfo(string text)
    {
        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || "-._~!$&'()*+,;=:%".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    private static string StripZone(string host)
    {
        var percent = host.IndexOf('%');
        return percent < 0 ? host : host[..percent];
    }
}
