using System.Diagnostics.CodeAnalysis;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>Parsing of a complete request head: request line, field lines, and the facts they imply.</summary>
public sealed partial class HttpRequestParser
{
    bool IMessageSink<HttpRequestHead>.TryParseHead(ReadOnlySpan<byte> section, [NotNullWhen(true)] out HttpRequestHead? head, out HttpParseErrorKind error)
    {
        head = null;
        if (!_reader.TryReadStartLine(section, out var reader, out var requestLine, out error)
            || !TryParseRequestLine(requestLine, out var method, out var target, out var version, out error)
            || !_reader.TryReadFields(ref reader, out var fields, out var hostIndex, out error))
        {
            return false;
        }

        // RFC 9112 section 3.2: exactly one valid Host in HTTP/1.1, at most one in HTTP/1.0.
        if (fields.HostCount > 1)
        {
            error = HttpParseErrorKind.MultipleHost;
            return false;
        }

        if (fields.HostCount == 0 && version == HttpProtocolVersion.Http11)
        {
            error = HttpParseErrorKind.MissingHost;
            return false;
        }

        var host = hostIndex < 0 ? null : _reader.Lines[hostIndex].Value;
        if (host is not null && !HttpAuthority.IsValidHostField(host))
        {
            error = HttpParseErrorKind.InvalidHost;
            return false;
        }

        if (!TryGetFraming(ref fields, version, out var framing, out error))
        {
            return false;
        }

        var keepAlive = !fields.ConnectionClose && (version == HttpProtocolVersion.Http11 || fields.ConnectionKeepAlive);
        head = new HttpRequestHead(
            method,
            target,
            version,
            _reader.Lines.ToHeaders(),
            target.Host ?? host,
            keepAlive,
            expectContinue: fields.ExpectContinue && version == HttpProtocolVersion.Http11,
            framing,
            framing == HttpBodyFraming.ContentLength ? fields.ContentLength : -1);
        return true;
    }

    private bool TryParseRequestLine(
        ReadOnlySpan<byte> line,
        [NotNullWhen(true)] out string? method,
        [NotNullWhen(true)] out RequestTarget? target,
        out HttpProtocolVersion version,
        out HttpParseErrorKind error)
    {
        method = null;
        target = null;
        version = default;

        // method SP request-target SP HTTP-version, with exactly one space between the parts.
        var firstSpace = line.IndexOf((byte)' ');
        var rest = firstSpace < 0 ? default : line[(firstSpace + 1)..];
        var secondSpace = rest.IndexOf((byte)' ');
        if (firstSpace <= 0 || secondSpace <= 0)
        {
            error = HttpParseErrorKind.InvalidRequestLine;
            return false;
        }

        if (!VersionText.TryParse(rest[(secondSpace + 1)..], out version, out error))
        {
            return false;
        }

        var methodBytes = line[..firstSpace];
        if (!HttpSyntax.IsToken(methodBytes))
        {
            error = HttpParseErrorKind.InvalidMethod;
            return false;
        }

        method = HttpMethods.TryGetKnown(methodBytes) ?? (_lastUnknownMethod = FieldStringCache.Reuse(_lastUnknownMethod, methodBytes));

        var targetBytes = rest[..secondSpace];
        if (targetBytes.ContainsAnyExcept(HttpSyntax.TargetBytes))
        {
            error = HttpParseErrorKind.InvalidRequestTarget;
            return false;
        }

        if (_lastTarget is not null && _lastTarget.Matches(method, targetBytes))
        {
            target = _lastTarget;
        }
        else if (RequestTarget.TryParse(method, targetBytes, out target))
        {
            _lastTarget = target;
        }
        else
        {
            error = HttpParseErrorKind.InvalidRequestTarget;
            return false;
        }

        error = default;
        return true;
    }

    private bool TryGetFraming(ref MessageFields fields, HttpProtocolVersion version, out HttpBodyFraming framing, out HttpParseErrorKind error)
    {
        framing = HttpBodyFraming.None;
        error = default;
        if (fields.HasTransferEncoding)
        {
            // RFC 9112 sections 6.1 and 6.3: each of these makes the length of a request ambiguous.
            if (fields.HasContentLength)
            {
                error = HttpParseErrorKind.ContentLengthWithTransferEncoding;
            }
            else if (version == HttpProtocolVersion.Http10)
            {
                error = HttpParseErrorKind.TransferEncodingInHttp10;
            }
            else if (!fields.FinalCodingIsChunked || fields.ChunkedCount > 1)
            {
                error = HttpParseErrorKind.InvalidTransferEncoding;
            }
            else if (fields.HasOtherCoding)
            {
                error = HttpParseErrorKind.UnsupportedTransferCoding;
            }
            else
            {
                framing = HttpBodyFraming.Chunked;
                return true;
            }

            return false;
        }

        if (fields.HasContentLength)
        {
            if (!_reader.TryAcceptContentLength(fields.ContentLength, out error))
            {
                return false;
            }

            framing = HttpBodyFraming.ContentLength;
        }

        return true;
    }
}
