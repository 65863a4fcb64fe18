using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// A native socket address (<c>sockaddr_in</c> or <c>sockaddr_in6</c>) held by value, so that
/// binding, connecting and accepting allocate nothing; convert to and from
/// <see cref="IPEndPoint"/> at the edges.
/// </summary>
/// <remarks>
/// Layouts: <c>sockaddr_in</c> is family (host order), port (network order), 4 address bytes and
/// 8 zero bytes, 16 in all; <c>sockaddr_in6</c> is family, port, flow info, 16 address bytes and
/// the scope id (host order), 28 in all.
/// </remarks>
internal struct SockAddr
{
    /// <summary>The largest address held: <c>sizeof(struct sockaddr_in6)</c>.</summary>
    public const int MaxLength = 28;

    private const int IPv4Length = 16;
    private const int IPv6Length = 28;

    private Storage _storage;
    private int _length;

    /// <summary>How many bytes of the native address are in use: 16 for IPv4, 28 for IPv6, 0 when empty.</summary>
    public readonly int Length => _length;

    /// <summary>The address family; <see cref="AddressFamily.Unspecified"/> when empty or foreign.</summary>
    public readonly AddressFamily Family => NativeFamily switch
    {
        Libc.AF_INET => AddressFamily.InterNetwork,
        Libc.AF_INET6 => AddressFamily.InterNetworkV6,
        _ => AddressFamily.Unspecified,
    };

    /// <summary>The port, in host order (0 when empty).</summary>
    public readonly int Port => _length >= 4 ? BinaryPrimitives.ReadUInt16BigEndian(Bytes[2..4]) : 0;

    /// <summary>
    /// The whole storage, for a system call that writes an address into it (<c>accept4</c>,
    /// <c>getsockname</c>); follow with <see cref="SetLength"/>.
    /// </summary>
    [UnscopedRef]
    internal Span<byte> RawStorage => _storage;

    private readonly int NativeFamily => _length >= 2 ? MemoryMarshal.Read<ushort>(Bytes) : 0;

    [UnscopedRef]
    private readonly ReadOnlySpan<byte> Bytes => _storage;

    /// <summary>The native address for a socket of the endpoint's own family.</summary>
    /// <param name="endPoint">An IPv4 or IPv6 endpoint.</param>
    /// <exception cref="ArgumentException">The endpoint is neither IPv4 nor IPv6.</exception>
    public static SockAddr FromEndPoint(IPEndPoint endPoint) =>
        FromEndPoint(endPoint, endPoint.AddressFamily);

    /// <summary>
    /// The native address for a socket of <paramref name="socketFamily"/>: an IPv4 endpoint used on
    /// an IPv6 socket becomes its IPv4-mapped address (<c>::ffff:a.b.c.d</c>), as dual-stack sockets expect.
    /// </summary>
    /// <param name="endPoint">An IPv4 or IPv6 endpoint.</param>
    /// <param name="socketFamily">The family the socket was created with.</param>
    /// <exception cref="ArgumentException">An IPv6 endpoint for an IPv4 socket, or a family other than these two.</exception>
    public static SockAddr FromEndPoint(IPEndPoint endPoint, AddressFamily socketFamily)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        IPAddress address = endPoint.Address;
        var result = default(SockAddr);
        Span<byte> bytes = result._storage;
        BinaryPrimitives.WriteUInt16BigEndian(bytes[2..4], (ushort)endPoint.Port);

        if (socketFamily == AddressFamily.InterNetwork && address.AddressFamily == AddressFamily.InterNetwork)
        {
            MemoryMarshal.Write(bytes, (ushort)Libc.AF_INET);
            address.TryWriteBytes(bytes[4..8], out _);
            result._length = IPv4Length;
        }
        else if (socketFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetwork)
        {
            MemoryMarshal.Write(bytes, (ushort)Libc.AF_INET6);
            bytes[18] = 0xff;
            bytes[19] = 0xff;
            address.TryWriteBytes(bytes[20..24], out _);
            result._length = IPv6Length;
        }
        else if (socketFamily == AddressFamily.InterNetworkV6 && address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            MemoryMarshal.Write(bytes, (ushort)Libc.AF_INET6);
            address.TryWriteBytes(bytes[8..24], out _);
            MemoryMarshal.Write(bytes[24..28], (uint)address.ScopeId);
            result._length = IPv6Length;
        }
        else
        {
            throw new ArgumentException(
                $"Cannot use a {address.AddressFamily} endpoint on a {socketFamily} socket.", nameof(endPoint));
        }

        return result;
    }

    /// <summary>
    /// Reads a native address from raw bytes (as a system call or a test produced them).
    /// </summary>
    /// <param name="native">A <c>sockaddr_in</c> or <c>sockaddr_in6</c>, at most <see cref="MaxLength"/> bytes.</param>
    /// <exception cref="ArgumentException">Longer than <see cref="MaxLength"/>.</exception>
    public static SockAddr FromNative(ReadOnlySpan<byte> native)
    {
        if (native.Length > MaxLength)
        {
            throw new ArgumentException($"A socket address here is at most {MaxLength} bytes.", nameof(native));
        }

        var result = default(SockAddr);
        native.CopyTo(result._storage);
        result._length = native.Length;
        return result;
    }

    /// <summary>The native bytes in use (<see cref="Length"/> of them), valid while this value lives.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> AsSpan() => Bytes[.._length];

    /// <summary>
    /// The endpoint. An IPv4-mapped IPv6 address stays IPv6 (as .NET reports it for dual-stack
    /// sockets); call <see cref="IPAddress.MapToIPv4"/> on it to show the IPv4 form. Allocates the
    /// endpoint, so the reactor calls it once per connection, not per read.
    /// </summary>
    /// <exception cref="InvalidOperationException">Empty, truncated, or not an internet address.</exception>
    public readonly IPEndPoint ToEndPoint()
    {
        ReadOnlySpan<byte> bytes = Bytes;
        int port = Port;
        switch (NativeFamily)
        {
            case Libc.AF_INET when _length >= 8:
                return new IPEndPoint(new IPAddress(bytes[4..8]), port);
            case Libc.AF_INET6 when _length >= 24:
                uint scopeId = _length >= IPv6Length ? MemoryMarshal.Read<uint>(bytes[24..28]) : 0;
                return new IPEndPoint(new IPAddress(bytes[8..24], scopeId), port);
            default:
                throw new InvalidOperationException(
                    $"Not an internet socket address (family {NativeFamily}, {_length} bytes).");
        }
    }

    /// <summary>The endpoint as text ("127.0.0.1:80", "[::1]:80"), or "(none)" when empty; for diagnostics.</summary>
    public override readonly string ToString() => Family == AddressFamily.Unspecified ? "(none)" : ToEndPoint().ToString();

    /// <summary>Records how many bytes of <see cref="RawStorage"/> the kernel wrote (clamped to the storage).</summary>
    /// <param name="length">The address length the kernel reported.</param>
    internal void SetLength(int length) => _length = Math.Clamp(length, 0, MaxLength);

    [InlineArray(MaxLength)]
    private struct Storage
    {
        private byte _element0;
    }
}
