using System.Globalization;
using System.Text;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// The Daytime protocol (RFC 867, Twisted's <c>Daytime</c>): on connection, sends the current
/// date and time as one line in the RFC's suggested format, in UTC
/// ("Tuesday, February 22, 1982 17:37:43-UTC"), and closes.
/// </summary>
public class DaytimeProtocol : Protocol
{
    private readonly TimeProvider _time;

    /// <summary>Creates the protocol, reading the time from <paramref name="time"/>.</summary>
    public DaytimeProtocol(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>The line sent for <paramref name="now"/>, without its CR LF.</summary>
    public static string Format(DateTimeOffset now) =>
        now.UtcDateTime.ToString("dddd, MMMM d, yyyy HH:mm:ss'-UTC'", CultureInfo.InvariantCulture);

    /// <summary>Sends the time and closes the connection.</summary>
    public override void ConnectionMade()
    {
        Transport.Write(Encoding.ASCII.GetBytes(Format(_time.GetUtcNow()) + "\r\n"));
        Transport.LoseConnection();
    }
}
