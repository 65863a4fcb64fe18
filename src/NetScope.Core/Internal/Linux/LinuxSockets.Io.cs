using System.Diagnostics.CodeAnalysis;

namespace NetScope.Core.Internal.Linux;

/// <content>Receiving and sending. Every call passes <c>MSG_DONTWAIT</c>, so it never blocks even on a blocking descriptor, and sends pass <c>MSG_NOSIGNAL</c>, so a closed peer yields <see cref="Errno.EPIPE"/> and never SIGPIPE.</content>
internal static unsafe partial class LinuxSockets
{
    private const int SendFlags = Libc.MSG_NOSIGNAL | Libc.MSG_DONTWAIT;

    /// <summary>
    /// The most segments one <see cref="SendVectored(int, ReadOnlySpan{ReadOnlyMemory{byte}})"/> call passes to the kernel
    /// (<c>IOV_MAX</c>); later segments wait for the next call.
    /// </summary>
    public const int MaxSegmentsPerSend = Libc.IOV_MAX;

    /// <summary>Segments pinned per stack frame in <see cref="SendVectored(int, ReadOnlySpan{ReadOnlyMemory{byte}})"/>: 4 keeps the recursion at most 256 frames deep.</summary>
    private const int SegmentsPinnedPerFrame = 4;

    /// <summary>Reads what has arrived, without waiting.</summary>
    /// <param name="fd">A connected socket.</param>
    /// <param name="buffer">Where to put the bytes; must not be empty.</param>
    /// <returns>
    /// The number of bytes read, 0 at end of stream (the peer shut down its side);
    /// <see cref="Errno.EAGAIN"/> when nothing is there yet; <see cref="Errno.ECONNRESET"/> and
    /// friends when the connection failed.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is empty (a 0-byte read would look like end of stream).</exception>
    public static SysResult Receive(int fd, Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            ThrowEmptyReceiveBuffer();
        }

        fixed (byte* first = buffer)
        {
            while (true)
            {
                nint count = Libc.recv(fd, first, (nuint)buffer.Length, Libc.MSG_DONTWAIT);
                if (count >= 0)
                {
                    return new SysResult((int)count);
                }

                Errno errno = Libc.LastErrno;
                if (errno != Errno.EINTR)
                {
                    return SysResult.Failure(errno);
                }
            }
        }
    }

    /// <summary>Writes as much of <paramref name="data"/> as the kernel takes now.</summary>
    /// <param name="fd">A connected socket.</param>
    /// <param name="data">The bytes to send.</param>
    /// <returns>
    /// How many bytes the kernel took (possibly fewer than offered: keep the rest);
    /// <see cref="Errno.EAGAIN"/> when the send buffer is full; <see cref="Errno.EPIPE"/> or
    /// <see cref="Errno.ECONNRESET"/> when the connection is gone.
    /// </returns>
    public static SysResult Send(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* first = data)
        {
            while (true)
            {
                nint count = Libc.send(fd, first, (nuint)data.Length, SendFlags);
                if (count >= 0)
                {
                    return new SysResult((int)count);
                }

                Errno errno = Libc.LastErrno;
                if (errno != Errno.EINTR)
                {
                    return SysResult.Failure(errno);
                }
            }
        }
    }

    /// <summary>
    /// Writes several buffers in order with one system call (<c>sendmsg</c>), as much as the kernel
    /// takes now. Only the first <see cref="MaxSegmentsPerSend"/> segments are offered. (Spans
    /// cannot be held in a list; for two of them use <see cref="SendVectored(int, ReadOnlySpan{byte}, ReadOnlySpan{byte})"/>.)
    /// </summary>
    /// <remarks>
    /// The segments are pinned with <c>fixed</c> statements in a short recursion (no GC handles,
    /// no allocation); a <see cref="List{T}"/> of segments can be passed with
    /// <c>CollectionsMarshal.AsSpan</c>.
    /// </remarks>
    /// <param name="fd">A connected socket.</param>
    /// <param name="segments">The buffers, in the order their bytes go out; empty ones are allowed.</param>
    /// <returns>
    /// How many bytes the kernel took, counted across the segments from the first (drop the
    /// segments it covers, trim the one it ends in); the errors are those of <see cref="Send"/>.
    /// </returns>
    public static SysResult SendVectored(int fd, ReadOnlySpan<ReadOnlyMemory<byte>> segments)
    {
        if (segments.IsEmpty)
        {
            return new SysResult(0);
        }

        if (segments.Length > MaxSegmentsPerSend)
        {
            segments = segments[..MaxSegmentsPerSend];
        }

        IoVector* vectors = stackalloc IoVector[segments.Length];
        return PinAndSend(fd, segments, vectors, 0);
    }

    /// <summary>
    /// Writes two spans in order with one system call, as much as the kernel takes now: a frame
    /// header and its payload, or a pending buffer and a new write, without copying them together.
    /// </summary>
    /// <param name="fd">A connected socket.</param>
    /// <param name="first">The bytes that go out first.</param>
    /// <param name="second">The bytes that follow.</param>
    /// <returns>How many bytes the kernel took, counted from the start of <paramref name="first"/>; the errors are those of <see cref="Send"/>.</returns>
    public static SysResult SendVectored(int fd, ReadOnlySpan<byte> first, ReadOnlySpan<byte> second)
    {
        fixed (byte* p0 = first)
        fixed (byte* p1 = second)
        {
            IoVector* vectors = stackalloc IoVector[2];
            vectors[0] = new IoVector { Base = p0, Length = (nuint)first.Length };
            vectors[1] = new IoVector { Base = p1, Length = (nuint)second.Length };
            return SendMessage(fd, vectors, 2);
        }
    }

    /// <summary>
    /// Pins segments [index, index + 4) and recurses; the deepest frame makes the call while every
    /// segment is pinned by a frame still on the stack.
    /// </summary>
    private static SysResult PinAndSend(int fd, ReadOnlySpan<ReadOnlyMemory<byte>> segments, IoVector* vectors, int index)
    {
        int remaining = segments.Length - index;
        if (remaining <= 0)
        {
            return SendMessage(fd, vectors, segments.Length);
        }

        ReadOnlySpan<byte> s0 = segments[index].Span;
        ReadOnlySpan<byte> s1 = remaining > 1 ? segments[index + 1].Span : default;
        ReadOnlySpan<byte> s2 = remaining > 2 ? segments[index + 2].Span : default;
        ReadOnlySpan<byte> s3 = remaining > 3 ? segments[index + 3].Span : default;
        fixed (byte* p0 = s0)
        fixed (byte* p1 = s1)
        fixed (byte* p2 = s2)
        fixed (byte* p3 = s3)
        {
            IoVector* v = vectors + index;
            v[0] = new IoVector { Base = p0, Length = (nuint)s0.Length };
            if (remaining > 1)
            {
                v[1] = new IoVector { Base = p1, Length = (nuint)s1.Length };
            }

            if (remaining > 2)
            {
                v[2] = new IoVector { Base = p2, Length = (nuint)s2.Length };
            }

            if (remaining > 3)
            {
                v[3] = new IoVector { Base = p3, Length = (nuint)s3.Length };
            }

            return PinAndSend(fd, segments, vectors, index + SegmentsPinnedPerFrame);
        }
    }

    private static SysResult SendMessage(int fd, IoVector* vectors, int count)
    {
        var message = new MessageHeader { Vectors = vectors, VectorCount = (nuint)count };
        while (true)
        {
            nint sent = Libc.sendmsg(fd, &message, SendFlags);
            if (sent >= 0)
            {
                return new SysResult((int)sent);
            }

            Errno errno = Libc.LastErrno;
            if (errno != Errno.EINTR)
            {
                return SysResult.Failure(errno);
            }
        }
    }

    [DoesNotReturn]
    private static void ThrowEmptyReceiveBuffer() =>
        throw new ArgumentException("A receive needs room for at least one byte.", "buffer");
}
