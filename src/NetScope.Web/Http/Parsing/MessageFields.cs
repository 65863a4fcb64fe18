using System.Text;

namespace NetScope.Web.Http.Parsing;

/// <summary>
/// What the framing-relevant fields of one message say, gathered while its field lines are parsed
/// (Content-Length, Transfer-Encoding, Connection, Expect, Host).
/// </summary>
internal struct MessageFields
{
    public bool HasContentLength;
    public long ContentLength;
    public bool HasTransferEncoding;
    public int CodingCount;
    public int ChunkedCount;
    public bool FinalCodingIsChunked;
    public bool HasOtherCoding;
    public int HostCount;
    public bool ConnectionClose;
    public bool ConnectionKeepAlive;
    public bool ExpectContinue;

    public static KnownField Classify(ReadOnlySpan<byte> name) => name.Length switch
    {
        4 when Ascii.EqualsIgnoreCase(name, "Host"u8) => KnownField.Host,
        6 when Ascii.EqualsIgnoreCase(name, "Expect"u8) => KnownField.Expect,
        10 when Ascii.EqualsIgnoreCase(name, "Connection"u8) => KnownField.Connection,
        14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8) => KnownField.ContentLength,
        17 when Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) => KnownField.TransferEncoding,
        _ => KnownField.Other,
    };

    /// <summary>Takes note of one field line.</summary>
    /// <returns><see langword="false"/> with <paramref name="error"/> set when the value is unusable.</returns>
    public bool TryObserve(KnownField field, ReadOnlySpan<byte> value, out HttpParseErrorKind error)
    {
        error = default;
        switch (field)
        {
            case KnownField.Host:
                HostCount++;
                return true;
            case KnownField.ContentLength:
                return TryObserveContentLength(value, out error);
            case KnownField.TransferEncoding:
                return TryObserveTransferEncoding(value, out error);
            case KnownField.Connection:
                foreach (var range in value.Split((byte)','))
                {
                    var token = value[range].Trim(HttpSyntax.Whitespace);
                    ConnectionClose |= Ascii.EqualsIgnoreCase(token, "close"u8);
                    ConnectionKeepAlive |= Ascii.EqualsIgnoreCase(token, "keep-alive"u8);
                }

                return true;
            case KnownField.Expect:
                foreach (var range in value.Split((byte)','))
                {
                    ExpectContinue |= Ascii.EqualsIgnoreCase(value[range].Trim(HttpSyntax.Whitespace), "100-continue"u8);
                }

                return true;
            default:
                return true;
        }
    }

    private bool TryObserveContentLength(ReadOnlySpan<byte> value, out HttpParseErrorKind error)
    {
        // RFC 9110 section 8.6 lets a recipient accept a list of identical values ("5, 5").
        foreach (var range in value.Split((byte)','))
        {
            var element = value[range].Trim(HttpSyntax.Whitespace);
            if (!TryParseDecimal(element, out var length))
            {
                error = HttpParseErrorKind.InvalidContentLength;
                return false;
            }

            if (HasContentLength && length != ContentLength)
            {
                error = HttpParseErrorKind.ConflictingContentLength;
                return false;
            }

            HasContentLength = true;
            ContentLength = length;
        }

        error = default;
        return true;
    }

    private bool TryObserveTransferEncoding(ReadOnlySpan<byte> value, out HttpParseErrorKind error)
    {
        HasTransferEncoding = true;
        foreach (var range in value.Split((byte)','))
        {
            var element = value[range].Trim(HttpSyntax.Whitespace);
            if (element.IsEmpty)
            {
                continue; // RFC 9110 section 5.6.1: empty list elements are ignored.
            }

            var semicolon = element.IndexOf((byte)';');
            var coding = (semicolon < 0 ? element : element[..semicolon]).TrimEnd(HttpSyntax.Whitespace);
            if (!HttpSyntax.IsToken(coding))
            {
                error = HttpParseErrorKind.InvalidTransferEncoding;
                return false;
            }

            CodingCount++;
            FinalCodingIsChunked = Ascii.EqualsIgnoreCase(coding, "chunked"u8);
            if (FinalCodingIsChunked)
            {
                ChunkedCount++;
            }
            else
            {
                HasOtherCoding = true;
            }
        }

        error = default;
        return true;
    }

    /// <summary>Parses <c>1*DIGIT</c> into a non-negative 64-bit integer; no sign, no whitespace, no overflow.</summary>
    internal static bool TryParseDecimal(ReadOnlySpan<byte> digits, out long value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var b in digits)
        {
            var digit = b - '0';
            if ((uint)digit > 9 || value > (long.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
