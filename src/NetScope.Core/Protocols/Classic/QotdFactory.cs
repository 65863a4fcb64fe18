using System.Net;

namespace NetScope.Core.Protocols.Classic;

/// <summary>Builds <see cref="QotdProtocol"/>s (RFC 865) that send a fixed quote or one chosen per connection.</summary>
/// <example><code>reactor.ListenTcp(17, new QotdFactory("Simple is better than complex."));</code></example>
public class QotdFactory : Factory
{
    private readonly Func<string> _quote;

    /// <summary>Creates a factory whose protocols send <paramref name="quote"/> (Twisted's quote if omitted).</summary>
    public QotdFactory(string quote = QotdProtocol.DefaultQuote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        _quote = () => quote;
    }

    /// <summary>Creates a factory that asks <paramref name="quotes"/> for the quote on each connection.</summary>
    public QotdFactory(Func<string> quotes)
    {
        _quote = quotes ?? throw new ArgumentNullException(nameof(quotes));
    }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new QotdProtocol(_quote) { Factory = this };
}
