using System.Net;

namespace NetScope.Core.Protocols.Classic;

/// <summary>Builds <see cref="ChargenProtocol"/>s (RFC 864).</summary>
/// <example><code>reactor.ListenTcp(19, new ChargenFactory());</code></example>
public class ChargenFactory : Factory
{
    /// <summary>Creates the factory; its protocols write <paramref name="linesPerChunk"/> lines each time their transport asks.</summary>
    public ChargenFactory(int linesPerChunk = ChargenProtocol.DefaultLinesPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerChunk, 1);
        LinesPerChunk = linesPerChunk;
    }

    /// <summary>Lines per chunk.</summary>
    public int LinesPerChunk { get; }

    /// <inheritdoc/>
    public override IProtocol? BuildProtocol(EndPoint address) => new ChargenProtocol(LinesPerChunk) { Factory = this };
}
