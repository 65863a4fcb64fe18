using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace NetScope.Web.Http.Parsing;

/// <summary>A request-target taken apart (RFC 9112 section 3.2); kept by the parser to reuse for the next identical target.</summary>
internal sealed class RequestTarget
{
    private RequestTarget(string method, string text, HttpRequestTargetForm form, string? scheme, string rawPath, string query, string? host)
    {
        Method = method;
        Text = text;
        Form = form;
        Scheme = scheme;
        RawPath = rawPath;
        Query = query;
        Host = host;
    }

    /// <summary>The method the target was parsed for (CONNECT and OPTIONS change what is valid).</summary>
    public string Method { get; }

    public string Text { get; }

    public HttpRequestTargetForm Form { get; }

    public string? Scheme { get; }

    public string RawPath { get; }

    public string Query { get; }

    /// <summary>The authority in absolute and authority form, which overrides Host.</summary>
    public string? Host { get; }

    /// <summary>Whether this target was parsed from <paramref name="bytes"/> for <paramref name="method"/>.</summary>
    public bool Matches(string method, ReadOnlySpan<byte> bytes) =>
        ReferenceEquals(method, Method) && Text.Length == bytes.Length && Ascii.Equals(bytes, Text);

    /// <summary>Parses a target whose bytes are already known to be visible ASCII other than <c>#</c>.</summary>
    public static bool TryParse(string method, ReadOnlySpan<byte> bytes, [NotNullWhen(true)] out RequestTarget? target)
    {
        target = null;
        var text = Encoding.ASCII.GetString(bytes);
        if (ReferenceEquals(method, HttpMethods.Connect))
        {
            // CONNECT host:port; the port is required (RFC 9110 section 9.3.6).
            if (!HttpAuthority.TryParse(text, allowZoneId: false, out var connectHost, out var port, out _) || connectHost.IsEmpty || port < 0)
            {
                return false;
            }

            target = new RequestTarget(method, text, HttpRequestTargetForm.Authority, null, string.Empty, string.Empty, text);
            return true;
        }

        if (text[0] == '/')
        {
            SplitQuery(text, 0, out var rawPath, out var query);
            target = new RequestTarget(method, text, HttpRequestTargetForm.Origin, null, rawPath, query, null);
            return true;
        }

        if (text == "*")
        {
            if (!ReferenceEquals(method, HttpMethods.Options))
            {
                return false;
            }

            target = new RequestTarget(method, text, HttpRequestTargetForm.Asterisk, null, "*", string.Empty, null);
            return true;
        }

        return TryParseAbsolute(method, text, out target);
    }

    private static bool TryParseAbsolute(string method, string text, [NotNullWhen(true)] out RequestTarget? target)
    {
        target = null;
        var colon = text.IndexOf(':');
        if (colon <= 0 || !IsScheme(text.AsSpan(0, colon)) || !text.AsSpan(colon + 1).StartsWith("//"))
        {
            return false;
        }

        var authorityStart = colon + 3;
        var authorityEnd = text.AsSpan(authorityStart).IndexOfAny('/', '?');
        authorityEnd = authorityEnd < 0 ? text.Length : authorityStart + authorityEnd;
        var authority = text[authorityStart..authorityEnd];

        // userinfo is refused (RFC 9110 section 4.2.4) and an empty host is invalid for http URIs (section 4.2.1).
        if (!HttpAuthority.TryParse(authority, allowZoneId: false, out var host, out _, out _) || host.IsEmpty)
        {
            return false;
        }

        SplitQuery(text, authorityEnd, out var rawPath, out var query);
        if (rawPath.Length == 0)
        {
            rawPath = "/";
        }

        target = new RequestTarget(method, text, HttpRequestTargetForm.Absolute, text[..colon].ToLowerInvariant(), rawPath, query, authority);
        return true;
    }

    private static void SplitQuery(string text, int pathStart, out string rawPath, out string query)
    {
        var question = text.IndexOf('?', pathStart);
        if (question < 0)
        {
            rawPath = pathStart == 0 ? text : text[pathStart..];
            query = string.Empty;
        }
        else
        {
            rawPath = text[pathStart..question];
            query = text[(question + 1)..];
        }
    }

    /// <summary>scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).</summary>
    private static bool IsScheme(ReadOnlySpan<char> text)
    {
        if (!char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
