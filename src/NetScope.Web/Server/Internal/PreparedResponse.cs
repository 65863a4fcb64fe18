using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Internal;

/// <summary>
/// A fixed answer serialized once: its status line and header lines (with Content-Length) as bytes, so that
/// answering costs one copy of them plus the Date line, and one vectored write with the body.
/// </summary>
internal sealed class PreparedResponse
{
    private readonly HttpHeaders _headers;

    public PreparedResponse(int statusCode, HttpHeaders headers, ReadOnlyMemory<byte> body)
    {
        StatusCode = statusCode;
        Body = body;
        _headers = new HttpHeaders();
        foreach (var header in headers)
        {
            _headers.Add(header.Name, header.Value);
        }

        // The framing and the connection's fate are decided per request, never by a fixed header.
        ClosesConnection = _headers.ContainsToken(HttpHeaderNames.Connection, "close");
        _headers.Remove(HttpHeaderNames.Connection);
        _headers.Remove(HttpHeaderNames.TransferEncoding);
        _headers.Remove(HttpHeaderNames.ContentLength);
        HasDate = _headers.Contains(HttpHeaderNames.Date);
        HasServer = _headers.Contains(HttpHeaderNames.Server);
        StatusLine = StatusLines.Get(statusCode, null);

        var fields = new StringBuilder();
        foreach (var header in _headers)
        {
            fields.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        if (statusCode != 204 && statusCode >= 200)
        {
            fields.Append("Content-Length: ").Append(body.Length).Append("\r\n");
        }

        Fields = Encoding.Latin1.GetBytes(fields.ToString());
    }

    public int StatusCode { get; }

    public ReadOnlyMemory<byte> Body { get; }

    public byte[] StatusLine { get; }

    /// <summary>The header lines, Content-Length included, each with its CRLF.</summary>
    public byte[] Fields { get; }

    public bool HasDate { get; }

    public bool HasServer { get; }

    public bool ClosesConnection { get; }

    /// <summary>Sets the status and headers on a request that must take the general path.</summary>
    public void ApplyTo(Request request)
    {
        request.SetResponseCode(StatusCode);
        foreach (var header in _headers)
        {
            request.AddHeader(header.Name, header.Value);
        }

        if (ClosesConnection)
        {
            request.SetHeader(HttpHeaderNames.Connection, "close");
        }
    }
}
