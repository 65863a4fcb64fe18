using System.Globalization;
using System.Net;
using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server;

/// <summary>One line of the access log: a request and how it was answered.</summary>
/// <param name="Time">When the request head arrived, on the wall clock.</param>
/// <param name="Client">The client's address.</param>
/// <param name="Method">The method, or <see langword="null"/> when the request could not be parsed.</param>
/// <param name="Target">The request-target as sent, or <see langword="null"/> when the request could not be parsed.</param>
/// <param name="Version">The request's version, or <see langword="null"/> when the request could not be parsed.</param>
/// <param name="StatusCode">The status answered (0 when the connection was lost before any answer).</param>
/// <param name="BodyBytes">Body bytes sent (not counting the head or the chunked framing).</param>
/// <param name="Duration">From the head's arrival to the end of the answer (or the loss of the connection).</param>
/// <param name="Completed">Whether the answer was sent whole; <see langword="false"/> when the connection was lost or cut first.</param>
public sealed record HttpAccessLogEntry(
    DateTimeOffset Time,
    EndPoint Client,
    string? Method,
    string? Target,
    HttpProtocolVersion? Version,
    int StatusCode,
    long BodyBytes,
    TimeSpan Duration,
    bool Completed)
{
    /// <summary>The line as printed: client, request line, status, body bytes, duration, and "(incomplete)" when cut.</summary>
    /// <returns>For example <c>127.0.0.1:50522 "GET /index.html HTTP/1.1" 200 1043 0.412ms</c>.</returns>
    public override string ToString()
    {
        var line = new StringBuilder();
        line.Append(Client).Append(" \"");
        if (Method is null)
        {
            line.Append('-');
        }
        else
        {
            line.Append(Method).Append(' ').Append(Target).Append(' ').Append(Version == HttpProtocolVersion.Http10 ? "HTTP/1.0" : "HTTP/1.1");
        }

        line.Append("\" ").Append(StatusCode.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(BodyBytes.ToString(CultureInfo.InvariantCulture))
            .Append(' ').Append(Duration.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)).Append("ms");
        if (!Completed)
        {
            line.Append(" (incomplete)");
        }

        return line.ToString();
    }
}
