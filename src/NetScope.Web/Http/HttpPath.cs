using System.Diagnostics.CodeAnalysis;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// Percent-decoding of request paths. Segments are split on the raw <c>/</c> before decoding, so an
/// encoded slash (<c>%2F</c>) stays inside its segment and can be told apart from a separator.
/// </summary>
public static class HttpPath
{
    /// <summary>
    /// Decodes a whole path for display and logging: every escape (<c>%2F</c> included) is decoded,
    /// malformed escapes are kept as they are and invalid UTF-8 becomes U+FFFD. Route on
    /// <see cref="GetSegments"/> instead, which keeps <c>%2F</c> apart from <c>/</c>.
    /// </summary>
    /// <param name="rawPath">The path as received, for example <c>/a%20b</c>.</param>
    /// <returns>The decoded path; the same instance when nothing needed decoding.</returns>
    public static string Decode(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        return PercentEncoding.Decode(rawPath, plusIsSpace: false);
    }

    /// <summary>
    /// Splits a path into decoded segments, like twisted.web's <c>request.postpath</c>: the leading
    /// <c>/</c> is dropped, the rest is split on every raw <c>/</c>, and each segment is decoded on its own.
    /// </summary>
    /// <param name="rawPath">The path as received.</param>
    /// <returns>
    /// For <c>/</c>, one empty segment; for <c>/a/b/</c>, "a", "b" and ""; for <c>/a%2Fb</c>, the single
    /// segment "a/b" (a segment holding <c>/</c> can only come from an encoded slash).
    /// </returns>
    public static string[] GetSegments(string rawPath)
    {
        ArgumentNullException.ThrowIfNull(rawPath);
        var path = rawPath.AsSpan();
        if (!path.IsEmpty && path[0] == '/')
        {
            path = path[1..];
        }

        var segments = new string[path.Count('/') + 1];
        var index = 0;
        foreach (var range in path.Split('/'))
        {
            segments[index++] = PercentEncoding.Decode(path[range], plusIsSpace: false);
        }

        return segments;
    }

    /// <summary>Decodes one raw segment strictly: a malformed escape or invalid UTF-8 fails.</summary>
    /// <param name="rawSegment">A segment as received, without slashes.</param>
    /// <param name="segment">The decoded segment.</param>
    /// <returns>Whether the segment was well formed.</returns>
    public static bool TryDecodeSegment(ReadOnlySpan<char> rawSegment, [NotNullWhen(true)] out string? segment) =>
        PercentEncoding.TryDecode(rawSegment, plusIsSpace: false, out segment);

    /// <summary>
    /// Whether a decoded segment can name a file inside a directory without leaving it: not empty, not
    /// <c>.</c> or <c>..</c>, and without <c>/</c>, <c>\</c>, NUL or other control characters.
    /// </summary>
    /// <param name="segment">A decoded segment (from <see cref="GetSegments"/>).</param>
    /// <returns><see langword="true"/> when a static file server may look the name up.</returns>
    public static bool IsSafeFileName(string segment)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (segment.Length == 0 || segment is "." or "..")
        {
            return false;
        }

        foreach (var c in segment)
        {
            if (c is '/' or '\\' || char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
