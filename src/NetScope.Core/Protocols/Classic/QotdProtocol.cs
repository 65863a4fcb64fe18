using System.Text;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// The Quote of the Day protocol (RFC 865, Twisted's <c>QOTD</c>): on connection, sends a
/// quote as UTF-8 (followed by CR LF unless it already ends with a line break) and closes.
/// RFC 865 asks for printable ASCII under 512 characters; the quote is sent as given.
/// </summary>
public class QotdProtocol : Protocol
{
    /// <summary>Twisted's quote.</summary>
    public const string DefaultQuote = "An apple a day keeps the doctor away.";

    private readonly Func<string> _quote;

    /// <summary>Creates the protocol; <paramref name="quote"/> is asked for the quote on each connection.</summary>
    public QotdProtocol(Func<string>? quote = null)
    {
        _quote = quote ?? (static () => DefaultQuote);
    }

    /// <summary>Sends the quote and closes the connection.</summary>
    public override void ConnectionMade()
    {
        var quote = _quote();
        if (!quote.EndsWith('\n'))
        {
            quote += "\r\n";
        }

        Transport.Write(Encoding.UTF8.GetBytes(quote));
        Transport.LoseConnection();
    }
}
