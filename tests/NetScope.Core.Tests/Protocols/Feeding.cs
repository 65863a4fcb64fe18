using System.Text;
using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Protocols;

/// <summary>Helpers to feed parsers in chunks and to write byte literals readably.</summary>
internal static class Feeding
{
    /// <summary>Delivers <paramref name="data"/> to <paramref name="protocol"/> in chunks of <paramref name="chunkSize"/> bytes (the last may be shorter).</summary>
    public static void Feed(IProtocol protocol, ReadOnlySpan<byte> data, int chunkSize)
    {
        for (var offset = 0; offset < data.Length; offset += chunkSize)
        {
            protocol.DataReceived(data.Slice(offset, Math.Min(chunkSize, data.Length - offset)));
        }
    }

    /// <summary>Like <see cref="Feed"/>, but stops once the transport is closing, as a real transport stops reading.</summary>
    public static void FeedUntilClosing(IProtocol protocol, NetScope.Testing.StringTransport transport, ReadOnlySpan<byte> data, int chunkSize)
    {
        for (var offset = 0; offset < data.Length && !transport.Disconnecting; offset += chunkSize)
        {
            protocol.DataReceived(data.Slice(offset, Math.Min(chunkSize, data.Length - offset)));
        }
    }

    /// <summary>Every chunk size from 1 to the whole length (at least 1).</summary>
    public static IEnumerable<int> AllChunkSizes(int length) => Enumerable.Range(1, Math.Max(1, length));

    /// <summary>The bytes of <paramref name="text"/> (Latin-1, so every char is one byte).</summary>
    public static byte[] B(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>The text of <paramref name="bytes"/> (Latin-1).</summary>
    public static string S(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);
}
