using System.Buffers;

namespace NetScope.Web.Http;

/// <summary>
/// Writes the chunked transfer coding (RFC 9112 section 7.1): a size line before each chunk, CRLF after
/// it, and the last chunk with optional trailer fields. The chunk data itself is written by the caller
/// (or by <see cref="WriteChunk"/>), so it can go out in a vectored write without being copied.
/// </summary>
public static class HttpChunkedEncoder
{
    /// <summary>The longest chunk header: sixteen hexadecimal digits and CRLF.</summary>
    public const int MaxChunkHeaderLength = 18;

    /// <summary>The CRLF that follows the data of each chunk.</summary>
    public static ReadOnlySpan<byte> ChunkTerminator => "\r\n"u8;

    /// <summary>The last chunk with no trailers: <c>0\r\n\r\n</c>.</summary>
    public static ReadOnlySpan<byte> LastChunk => "0\r\n\r\n"u8;

    /// <summary>The length of the size line for a chunk of <paramref name="size"/> bytes.</summary>
    /// <param name="size">The data length; at least 1 (a size of 0 is the last chunk).</param>
    /// <returns>The number of hexadecimal digits plus 2.</returns>
    public static int GetChunkHeaderLength(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        return ((64 - (int)long.LeadingZeroCount(size) + 3) / 4) + 2;
    }

    /// <summary>Writes the size line (lower-case hexadecimal and CRLF) of a chunk.</summary>
    /// <param name="destination">At least <see cref="GetChunkHeaderLength"/> bytes.</param>
    /// <param name="size">The data length; at least 1.</param>
    /// <returns>The number of bytes written.</returns>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static int WriteChunkHeader(Span<byte> destination, long size)
    {
        var length = GetChunkHeaderLength(size);
        if (destination.Length < length)
        {
            throw new ArgumentException($"The chunk header needs {length} bytes.", nameof(destination));
        }

        for (var i = length - 3; i >= 0; i--)
        {
            destination[i] = (byte)"0123456789abcdef"[(int)(size & 0xF)];
            size >>= 4;
        }

        destination[length - 2] = (byte)'\r';
        destination[length - 1] = (byte)'\n';
        return length;
    }

    /// <summary>Writes the size line of a chunk.</summary>
    /// <param name="writer">Receives the bytes.</param>
    /// <param name="size">The data length; at least 1.</param>
    public static void WriteChunkHeader(IBufferWriter<byte> writer, long size)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Advance(WriteChunkHeader(writer.GetSpan(MaxChunkHeaderLength), size));
    }

    /// <summary>Writes a whole chunk: size line, data and CRLF. Empty data writes nothing (it would end the body).</summary>
    /// <param name="writer">Receives the bytes.</param>
    /// <param name="data">The chunk data.</param>
    public static void WriteChunk(IBufferWriter<byte> writer, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (data.IsEmpty)
        {
            return;
        }

        var span = writer.GetSpan(MaxChunkHeaderLength + data.Length + 2);
        var position = WriteChunkHeader(span, data.Length);
        data.CopyTo(span[position..]);
        position += data.Length;
        ChunkTerminator.CopyTo(span[position..]);
        writer.Advance(position + 2);
    }

    /// <summary>Writes the last chunk (<c>0\r\n</c>), the trailer fields if any, and the final CRLF.</summary>
    /// <param name="writer">Receives the bytes.</param>
    /// <param name="trailers">Trailer fields, or <see langword="null"/>.</param>
    public static void WriteLastChunk(IBufferWriter<byte> writer, HttpHeaders? trailers = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (trailers is null || trailers.Count == 0)
        {
            writer.Write(LastChunk);
            return;
        }

        var length = 3 + HttpHeadWriter.GetFieldSectionLength(trailers);
        var span = writer.GetSpan(length);
        "0\r\n"u8.CopyTo(span);
        writer.Advance(HttpHeadWriter.WriteFieldSection(span, 3, trailers));
    }
}
