using System.Net;
using NetScope.Core.Protocols.Basic;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// Builds echo protocols (RFC 862): <see cref="EchoProtocol"/> in <see cref="FramingMode.Raw"/>
/// mode (each chunk back as it arrives), <see cref="LineEchoProtocol"/> in
/// <see cref="FramingMode.Line"/> mode (each complete line back, byte for byte).
/// </summary>
/// <example><code>reactor.ListenTcp(7, new EchoFactory());</code></example>
public class EchoFactory : Factory
{
    /// <summary>Creates the factory.</summary>
    /// <param name="mode">How to frame the echo.</param>
    /// <param name="maxLineLength">The longest line accepted in line mode.</param>
    public EchoFactory(FramingMode mode = FramingMode.Raw, int maxLineLength = LineReceiver.DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLineLength);
        Mode = mode;
        MaxLineLength = maxLineLength;
    }

    /// <summary>How the echo is framed.</summary>
    public FramingMode Mode { get; }

    /// <summary>The longest line accepted in line mode.</summary>
    public int MaxLineLength { get; }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address)
    {
        Protocol protocol = Mode == FramingMode.Line ? new LineEchoProtocol { MaxLength = MaxLineLength } : new EchoProtocol();
        protocol.Factory = this;
        return protocol;
    }
}
