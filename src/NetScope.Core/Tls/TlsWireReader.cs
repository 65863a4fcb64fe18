using System.Buffers.Binary;

namespace NetScope.Core.Tls;

/// <summary>Reads the big-endian, length-prefixed fields of TLS handshake messages; every read is bounds-checked.</summary>
internal ref struct TlsWireReader(ReadOnlySpan<byte> data)
{
    private ReadOnlySpan<byte> _rest = data;

    public readonly bool IsEmpty => _rest.IsEmpty;

    public bool TryReadUInt8(out byte value)
    {
        value = 0;
        if (_rest.Length < 1)
        {
            return false;
        }

        value = _rest[0];
        _rest = _rest[1..];
        return true;
    }

    public bool TryReadUInt16(out ushort value)
    {
        value = 0;
        if (_rest.Length < 2)
        {
            return false;
        }

        value = BinaryPrimitives.ReadUInt16BigEndian(_rest);
        _rest = _rest[2..];
        return true;
    }

    public bool TryReadBytes(int count, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (count < 0 || _rest.Length < count)
        {
            return false;
        }

        bytes = _rest[..count];
        _rest = _rest[count..];
        return true;
    }

    /// <summary>Reads a vector with a one-byte length prefix.</summary>
    public bool TryReadVector8(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        return TryReadUInt8(out var length) && TryReadBytes(length, out bytes);
    }

    /// <summary>Reads a vector with a two-byte length prefix.</summary>
    public bool TryReadVector16(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        return TryReadUInt16(out var length) && TryReadBytes(length, out bytes);
    }
}
