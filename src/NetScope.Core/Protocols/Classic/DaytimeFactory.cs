using System.Net;

namespace NetScope.Core.Protocols.Classic;

/// <summary>Builds <see cref="DaytimeProtocol"/>s (RFC 867).</summary>
/// <example><code>reactor.ListenTcp(13, new DaytimeFactory(TimeProvider.System));</code></example>
public class DaytimeFactory : Factory
{
    /// <summary>Creates the factory; its protocols read the time from <paramref name="time"/>.</summary>
    public DaytimeFactory(TimeProvider time)
    {
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Where the time comes from.</summary>
    public TimeProvider Time { get; }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new DaytimeProtocol(Time) { Factory = this };
}
