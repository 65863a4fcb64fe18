namespace NetScope.Core.Tls;

/// <summary>
/// Reads the extensions block that ends a ClientHello or ServerHello (RFC 8446 section 4.2): a
/// vector of entries, each a two-byte type and a two-byte-length body. A hello may end before it
/// (TLS 1.2 allows no extensions at all): that reads as an empty block.
/// </summary>
internal ref struct TlsExtensionReader
{
    private TlsWireReader _entries;

    /// <summary>Whether every extension has been read.</summary>
    public readonly bool IsEmpty => _entries.IsEmpty;

    /// <summary>Opens the extensions block at the rest of <paramref name="hello"/>.</summary>
    /// <returns><see langword="false"/> when the block's length runs past the message.</returns>
    public static bool TryOpen(ref TlsWireReader hello, out TlsExtensionReader extensions)
    {
        extensions = default;
        if (hello.IsEmpty)
        {
            return true;
        }

        if (!hello.TryReadVector16(out var block))
        {
            return false;
        }

        extensions._entries = new TlsWireReader(block);
        return true;
    }

    /// <summary>Reads the next extension.</summary>
    /// <returns><see langword="false"/> when it is cut short.</returns>
    public bool TryReadNext(out ushort type, out ReadOnlySpan<byte> data)
    {
        data = default;
        return _entries.TryReadUInt16(out type) && _entries.TryReadVector16(out data);
    }
}
