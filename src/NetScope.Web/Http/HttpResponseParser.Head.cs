using System.Diagnostics.CodeAnalysis;
using System.Text;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>Parsing of a complete response head: status line, field lines, and the framing they imply.</summary>
public sealed partial class HttpResponseParser
{
    bool IMessageSink<HttpResponseHead>.TryParseHead(ReadOnlySpan<byte> section, [NotNullWhen(true)] out HttpResponseHead? head, out HttpParseErrorKind error)
    {
        head = null;
        if (!_reader.TryReadStartLine(section, out var reader, out var statusLine, out error)
            || !TryParseStatusLine(statusLine, out var version, out var statusCode, out var reasonPhrase, out error)
            || !_reader.TryReadFields(ref reader, out var fields, out _, out error)
            || !TryGetFraming(ref fields, statusCode, out var framing, out error))
        {
            return false;
        }

        // An HTTP/1.0 message with Transfer-Encoding has untrustworthy framing: close after it (RFC 9112 section 6.1).
        var keepAlive = !fields.ConnectionClose
            && (version == HttpProtocolVersion.Http11 || fields.ConnectionKeepAlive)
            && framing != HttpBodyFraming.UntilClose
            && !(fields.HasTransferEncoding && version == HttpProtocolVersion.Http10);
        head = new HttpResponseHead(
            version,
            statusCode,
            reasonPhrase,
            _reader.Lines.ToHeaders(),
            keepAlive,
            framing,
            framing == HttpBodyFraming.ContentLength ? fields.ContentLength : -1);
        return true;
    }

    /// <summary>Parses <c>HTTP-version SP status-code [ SP reason-phrase ]</c>; a missing reason is tolerated.</summary>
    private bool TryParseStatusLine(
        ReadOnlySpan<byte> line,
        out HttpProtocolVersion version,
        out int statusCode,
        out string reasonPhrase,
        out HttpParseErrorKind error)
    {
        version = default;
        statusCode = 0;
        reasonPhrase = string.Empty;
        if (line.Length < VersionText.Length)
        {
            error = HttpParseErrorKind.InvalidStatusLine;
            return false;
        }

        if (!VersionText.TryParse(line[..VersionText.Length], out version, out error))
        {
            // "HTTP/2.0 200" is a version we do not speak; "ICY 200 OK" is not an HTTP status line at all.
            if (error == HttpParseErrorKind.InvalidVersion)
            {
                error = HttpParseErrorKind.InvalidStatusLine;
            }

            return false;
        }

        var rest = line[VersionText.Length..];
        if (rest.Length < 4 || rest[0] != ' ' || !IsDigits(rest.Slice(1, 3)) || rest[1] == '0' || (rest.Length > 4 && rest[4] != ' '))
        {
            error = HttpParseErrorKind.InvalidStatusLine;
            return false;
        }

        statusCode = ((rest[1] - '0') * 100) + ((rest[2] - '0') * 10) + (rest[3] - '0');
        var reason = rest.Length > 4 ? rest[5..] : default;
        if (!HttpSyntax.IsValidFieldValue(reason))
        {
            error = HttpParseErrorKind.InvalidStatusLine;
            return false;
        }

        var registered = HttpReasonPhrases.Get(statusCode);
        reasonPhrase = registered.Length == reason.Length && Ascii.Equals(reason, registered)
            ? registered
            : _lastReasonPhrase = FieldStringCache.Reuse(_lastReasonPhrase, reason);
        error = default;
        return true;
    }

    private bool TryGetFraming(ref MessageFields fields, int statusCode, out HttpBodyFraming framing, out HttpParseErrorKind error)
    {
        framing = HttpBodyFraming.None;
        error = default;

        // RFC 9112 section 6.3, rules 1 and 2: these responses never have a body, whatever their fields say.
        if (string.Equals(RequestMethod, HttpMethods.Head, StringComparison.Ordinal)
            || statusCode < 200 || statusCode is 204 or 304
            || (statusCode < 300 && string.Equals(RequestMethod, HttpMethods.Connect, StringComparison.Ordinal)))
        {
            return true;
        }

        if (fields.HasTransferEncoding)
        {
            // Rule 3 lets Transfer-Encoding override Content-Length, but warns it may be smuggling: refuse it.
            if (fields.HasContentLength)
            {
                error = HttpParseErrorKind.ContentLengthWithTransferEncoding;
                return false;
            }

            if (fields.FinalCodingIsChunked && fields.ChunkedCount > 1)
            {
                error = HttpParseErrorKind.InvalidTransferEncoding;
                return false;
            }

            // Rule 4: without chunked last, the body runs until the server closes.
            framing = fields.FinalCodingIsChunked ? HttpBodyFraming.Chunked : HttpBodyFraming.UntilClose;
            return true;
        }

        if (fields.HasContentLength)
        {
            framing = HttpBodyFraming.ContentLength;
            return _reader.TryAcceptContentLength(fields.ContentLength, out error);
        }

        framing = HttpBodyFraming.UntilClose;
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<byte> text) => !text.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
