using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Tui.Input;

/// <summary>
/// Checks the fields of an http session (the dialog and <c>--open http://…</c>): method, URL, header fields, timeout,
/// proxy and a CA file, each failure explained in one line that names the bad value.
/// </summary>
internal static class HttpFieldParsers
{
    /// <summary>The longest timeout the dialog takes: a day.</summary>
    public const double MaxTimeoutSeconds = 86400;

    /// <summary>A method: any token (GET, POST, PURGE…), as typed (methods are case-sensitive); not CONNECT.</summary>
    public static bool TryMethod(string? text, [NotNullWhen(true)] out string? method, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        method = null;
        if (trimmed.Length == 0)
        {
            error = "method: required (GET, POST, …)";
            return false;
        }

        if (!HttpSyntax.IsToken(trimmed))
        {
            error = $"method '{trimmed}': not a token (like GET or POST)";
            return false;
        }

        if (trimmed == HttpMethods.Connect)
        {
            error = "method CONNECT: not offered (it opens a tunnel through a proxy)";
            return false;
        }

        method = trimmed;
        error = null;
        return true;
    }

    /// <summary>
    /// Seconds for the whole exchange, like curl's <c>--max-time</c>: empty for no limit (0), else a number above 0
    /// and at most a day, with a dot for decimals ("5", "0.5").
    /// </summary>
    public static bool TryTimeout(string? text, out double seconds, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        seconds = 0;
        if (trimmed.Length == 0)
        {
            error = null;
            return true;
        }

        if (!double.TryParse(trimmed, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out seconds) || seconds <= 0 || seconds > MaxTimeoutSeconds)
        {
            seconds = 0;
            error = string.Create(CultureInfo.InvariantCulture, $"timeout '{trimmed}': not a number of seconds above 0 and at most {MaxTimeoutSeconds} (empty: no limit)");
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>
    /// A proxy, like curl's <c>--proxy</c>: empty for none, else an http:// URL or <c>host:port</c> (credentials in the URL
    /// are sent as Basic <c>Proxy-Authorization</c>).
    /// </summary>
    public static bool TryProxy(string? text, out HttpProxy? proxy, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        proxy = null;
        error = null;
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (!TryAbsolute(trimmed, "proxy", out var url, out error))
        {
            return false;
        }

        if (url.IsHttps)
        {
            error = $"proxy '{trimmed}': only http:// proxies are supported";
            return false;
        }

        proxy = new HttpProxy(url);
        return true;
    }

    /// <summary>An http:// or https:// URL; without a scheme, http:// is taken (as curl does).</summary>
    public static bool TryUrl(string? text, [NotNullWhen(true)] out HttpUrl? url, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        url = null;
        if (trimmed.Length == 0)
        {
            error = "URL: required (http://HOST[:PORT]/PATH or https://…)";
            return false;
        }

        return TryAbsolute(trimmed, "URL", out url, out error);
    }

    // http:// is taken when no scheme is given, as curl does; the error names the field and the text as typed.
    private static bool TryAbsolute(string trimmed, string field, [NotNullWhen(true)] out HttpUrl? url, [NotNullWhen(false)] out string? error)
    {
        var withScheme = trimmed.Contains("://", StringComparison.Ordinal) ? trimmed : "http://" + trimmed;
        try
        {
            url = HttpUrl.Parse(withScheme);
            error = null;
            return true;
        }
        catch (FormatException exception)
        {
            var reason = exception.Message[(exception.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            url = null;
            error = $"{field} '{trimmed}': {reason}";
            return false;
        }
    }

    /// <summary>
    /// Header fields typed on one line: <c>Name: value</c>, several separated by <c>;</c>. A <c>;</c> separates
    /// only where a field name and a colon follow it, so values that hold one stay whole
    /// (<c>Content-Type: text/plain; charset=utf-8; Cookie: a=1; b=2</c> is two fields). An empty value sends the
    /// field empty (for User-Agent and Accept: leaves the default out).
    /// </summary>
    public static bool TryHeaders(string? text, [NotNullWhen(true)] out HttpHeaders? headers, [NotNullWhen(false)] out string? error)
    {
        headers = new HttpHeaders();
        foreach (var field in SplitFields(text ?? string.Empty))
        {
            var trimmed = field.Trim();
            if (trimmed.Length == 0)
            {
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                headers = null;
                error = $"header '{trimmed}': expected Name: value";
                return false;
            }

            var name = trimmed[..colon];
            var value = trimmed[(colon + 1)..].Trim(' ', '\t');
            if (!HttpSyntax.IsValidFieldName(name))
            {
                headers = null;
                error = $"header '{trimmed}': '{name}' is not a field name (letters, digits and !#$%&'*+-.^_`|~, no spaces)";
                return false;
            }

            if (!HttpSyntax.IsValidFieldValue(value))
            {
                headers = null;
                error = $"header '{trimmed}': the value holds a control character or a character above U+00FF";
                return false;
            }

            headers.Add(name, value);
        }

        error = null;
        return true;
    }

    /// <summary>A PEM file of certificate authorities to trust instead of the system's store; empty for the store.</summary>
    public static bool TryCaFile(string? text, out X509Certificate2Collection? authorities, [NotNullWhen(false)] out string? error)
    {
        var path = text?.Trim() ?? string.Empty;
        authorities = null;
        error = null;
        if (path.Length == 0)
        {
            return true;
        }

        try
        {
            authorities = TlsCertificates.LoadPemBundle(path);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException or ArgumentException)
        {
            error = $"CA '{path}': {Model.WorkspaceCommands.Reason(exception)}";
            return false;
        }
    }

    /// <summary>The pieces between the <c>;</c> that are followed by a field name and a colon.</summary>
    internal static IEnumerable<string> SplitFields(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ';' && StartsField(text.AsSpan(i + 1)))
            {
                yield return text[start..i];
                start = i + 1;
            }
        }

        yield return text[start..];
    }

    private static bool StartsField(ReadOnlySpan<char> rest)
    {
        rest = rest.TrimStart(' ');
        var colon = rest.IndexOf(':');
        return colon > 0 && HttpSyntax.IsToken(rest[..colon]);
    }
}
