using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Client.Connections;

/// <summary>Resolves a reference (a Location value) against the URL it came from (RFC 3986 section 5.2).</summary>
internal static class UrlResolver
{
    /// <summary>Resolves <paramref name="reference"/> against <paramref name="baseUrl"/>.</summary>
    /// <param name="baseUrl">The URL the reference appeared in answer to.</param>
    /// <param name="reference">An absolute URL, <c>//host/path</c>, <c>/path</c>, <c>path</c>, <c>?query</c> or empty.</param>
    /// <param name="result">The resolved URL.</param>
    /// <returns>Whether the result is a valid http or https URL.</returns>
    public static bool TryResolve(HttpUrl baseUrl, string reference, [NotNullWhen(true)] out HttpUrl? result)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(reference);
        var text = Escape(reference.Trim());
        var fragment = text.IndexOf('#', StringComparison.Ordinal);
        if (fragment >= 0)
        {
            text = text[..fragment];
        }

        if (HasScheme(text))
        {
            return HttpUrl.TryParse(text, out result);
        }

        var origin = baseUrl.UserInfo is null ? $"{baseUrl.Scheme}://{baseUrl.Authority}" : $"{baseUrl.Scheme}://{baseUrl.UserInfo}@{baseUrl.Authority}";
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return HttpUrl.TryParse($"{baseUrl.Scheme}:{text}", out result);
        }

        string path;
        string query;
        var question = text.IndexOf('?', StringComparison.Ordinal);
        var referencePath = question < 0 ? text : text[..question];
        var referenceQuery = question < 0 ? null : text[question..];
        if (referencePath.Length == 0)
        {
            path = baseUrl.Path;
            query = referenceQuery ?? (baseUrl.Query.Length == 0 ? string.Empty : "?" + baseUrl.Query);
        }
        else
        {
            path = RemoveDotSegments(referencePath[0] == '/' ? referencePath : Merge(baseUrl.Path, referencePath));
            query = referenceQuery ?? string.Empty;
        }

        return HttpUrl.TryParse(origin + path + query, out result);
    }

    /// <summary>RFC 3986 section 5.2.4.</summary>
    internal static string RemoveDotSegments(string path)
    {
        var output = new List<string>();
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == ".")
            {
                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            if (segment == "..")
            {
                // Never above the root: output[0] is the empty segment before the leading slash.
                if (output.Count > 1)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add(string.Empty);
                }

                continue;
            }

            output.Add(segment);
        }

        var result = string.Join('/', output);
        return result.StartsWith('/') ? result : "/" + result;
    }

    /// <summary>RFC 3986 section 5.2.3: the reference replaces the base's last segment.</summary>
    private static string Merge(string basePath, string reference)
    {
        var slash = basePath.LastIndexOf('/');
        return slash < 0 ? "/" + reference : basePath[..(slash + 1)] + reference;
    }

    private static bool HasScheme(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = text[i];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Percent-encodes what may not appear in a URL: spaces, controls and non-ASCII. Field values arrive one
    /// character per byte, so such a character is encoded as its byte; others (from callers) as UTF-8.
    /// </summary>
    private static string Escape(string text)
    {
        if (HttpSyntax.IsValidRequestTarget(text.Replace("#", string.Empty, StringComparison.Ordinal)) || text.Length == 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                escaped.Append((char)rune.Value);
                continue;
            }

            if (rune.Value <= 0xFF)
            {
                escaped.Append('%').Append(rune.Value.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                continue;
            }

            var count = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..count])
            {
                escaped.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return escaped.ToString();
    }
}
