using System.Buffers;
using System.Text;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// Writes response and request heads (start line, field lines, empty line) as bytes, in one pass into
/// memory sized in advance. Field names and values need no escaping: <see cref="HttpHeaders"/> only holds
/// validated ones.
/// </summary>
public static class HttpHeadWriter
{
    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    /// <summary>The exact number of bytes <see cref="WriteResponseHead"/> writes.</summary>
    /// <param name="statusCode">From 100 to 999.</param>
    /// <param name="reasonPhrase">The phrase, or <see langword="null"/> for the registered one.</param>
    /// <param name="headers">The header section.</param>
    /// <returns>The length of the head in bytes.</returns>
    public static int GetResponseHeadLength(int statusCode, string? reasonPhrase, HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var reason = reasonPhrase ?? HttpReasonPhrases.Get(statusCode);
        return VersionText.Length + 5 + reason.Length + 2 + GetFieldSectionLength(headers);
    }

    /// <summary>Writes <c>HTTP/1.1 200 OK</c>, the field lines and the empty line.</summary>
    /// <param name="writer">Receives the bytes.</param>
    /// <param name="version">The version to announce.</param>
    /// <param name="statusCode">From 100 to 999.</param>
    /// <param name="reasonPhrase">The phrase, or <see langword="null"/> for the registered one ("" when unregistered).</param>
    /// <param name="headers">The header section.</param>
    /// <exception cref="ArgumentException">The status code or the reason phrase is invalid.</exception>
    public static void WriteResponseHead(
        IBufferWriter<byte> writer, HttpProtocolVersion version, int statusCode, string? reasonPhrase, HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var length = GetResponseHeadLength(statusCode, reasonPhrase, headers);
        var span = writer.GetSpan(length);
        TryWriteResponseHead(span, version, statusCode, reasonPhrase, headers, out var written);
        writer.Advance(written);
    }

    /// <summary>Writes a response head into <paramref name="destination"/> if it fits.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="version">The version to announce.</param>
    /// <param name="statusCode">From 100 to 999.</param>
    /// <param name="reasonPhrase">The phrase, or <see langword="null"/> for the registered one.</param>
    /// <param name="headers">The header section.</param>
    /// <param name="bytesWritten">The length written, or 0 when it did not fit.</param>
    /// <returns>Whether the head fit.</returns>
    /// <exception cref="ArgumentException">The status code or the reason phrase is invalid.</exception>
    public static bool TryWriteResponseHead(
        Span<byte> destination,
        HttpProtocolVersion version,
        int statusCode,
        string? reasonPhrase,
        HttpHeaders headers,
        out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 100);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 999);
        var reason = reasonPhrase ?? HttpReasonPhrases.Get(statusCode);
        if (!HttpSyntax.IsValidReasonPhrase(reason))
        {
            throw new ArgumentException("The reason phrase holds a control character or a character above U+00FF.", nameof(reasonPhrase));
        }

        bytesWritten = 0;
        if (GetResponseHeadLength(statusCode, reason, headers) > destination.Length)
        {
            return false;
        }

        var position = Append(destination, 0, VersionText.Bytes(version));
        destination[position++] = (byte)' ';
        destination[position++] = (byte)('0' + (statusCode / 100));
        destination[position++] = (byte)('0' + (statusCode / 10 % 10));
        destination[position++] = (byte)('0' + (statusCode % 10));
        destination[position++] = (byte)' ';
        position += Encoding.Latin1.GetBytes(reason, destination[position..]);
        position = Append(destination, position, CrLf);
        bytesWritten = WriteFieldSection(destination, position, headers);
        return true;
    }

    /// <summary>The exact number of bytes <see cref="WriteRequestHead"/> writes.</summary>
    /// <param name="method">The method.</param>
    /// <param name="target">The request-target.</param>
    /// <param name="headers">The header section.</param>
    /// <returns>The length of the head in bytes.</returns>
    public static int GetRequestHeadLength(string method, string target, HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(headers);
        return method.Length + 1 + target.Length + 1 + VersionText.Length + 2 + GetFieldSectionLength(headers);
    }

    /// <summary>Writes <c>GET /path HTTP/1.1</c>, the field lines and the empty line.</summary>
    /// <param name="writer">Receives the bytes.</param>
    /// <param name="method">A token.</param>
    /// <param name="target">A request-target (visible ASCII without <c>#</c>).</param>
    /// <param name="version">The version to announce.</param>
    /// <param name="headers">The header section.</param>
    /// <exception cref="ArgumentException">The method or the target is invalid.</exception>
    public static void WriteRequestHead(
        IBufferWriter<byte> writer, string method, string target, HttpProtocolVersion version, HttpHeaders headers)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var span = writer.GetSpan(GetRequestHeadLength(method, target, headers));
        TryWriteRequestHead(span, method, target, version, headers, out var written);
        writer.Advance(written);
    }

    /// <summary>Writes a request head into <paramref name="destination"/> if it fits.</summary>
    /// <param name="destination">Where to write.</param>
    /// <param name="method">A token.</param>
    /// <param name="target">A request-target.</param>
    /// <param name="version">The version to announce.</param>
    /// <param name="headers">The header section.</param>
    /// <param name="bytesWritten">The length written, or 0 when it did not fit.</param>
    /// <returns>Whether the head fit.</returns>
    /// <exception cref="ArgumentException">The method or the target is invalid.</exception>
    public static bool TryWriteRequestHead(
        Span<byte> destination,
        string method,
        string target,
        HttpProtocolVersion version,
        HttpHeaders headers,
        out int bytesWritten)
    {
        bytesWritten = 0;
        var length = GetRequestHeadLength(method, target, headers);
        if (!HttpSyntax.IsToken(method))
        {
            throw new ArgumentException($"'{method}' is not a valid method (a token).", nameof(method));
        }

        if (!HttpSyntax.IsValidRequestTarget(target))
        {
            throw new ArgumentException("The request-target must be visible ASCII without '#'.", nameof(target));
        }

        if (length > destination.Length)
        {
            return false;
        }

        var position = Encoding.ASCII.GetBytes(method, destination);
        destination[position++] = (byte)' ';
        position += Encoding.ASCII.GetBytes(target, destination[position..]);
        destination[position++] = (byte)' ';
        position = Append(destination, position, VersionText.Bytes(version));
        position = Append(destination, position, CrLf);
        bytesWritten = WriteFieldSection(destination, position, headers);
        return true;
    }

    /// <summary>The length of the field lines plus the final empty line.</summary>
    internal static int GetFieldSectionLength(HttpHeaders headers)
    {
        var length = 2;
        foreach (var header in headers)
        {
            length += header.Name.Length + header.Value.Length + 4;
        }

        return length;
    }

    /// <summary>Writes the field lines and the final empty line; returns the position after them.</summary>
    internal static int WriteFieldSection(Span<byte> destination, int position, HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            position += Encoding.Latin1.GetBytes(header.Name, destination[position..]);
            destination[position++] = (byte)':';
            destination[position++] = (byte)' ';
            position += Encoding.Latin1.GetBytes(header.Value, destination[position..]);
            position = Append(destination, position, CrLf);
        }

        return Append(destination, position, CrLf);
    }

    private static int Append(Span<byte> destination, int position, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination[position..]);
        return position + bytes.Length;
    }
}
