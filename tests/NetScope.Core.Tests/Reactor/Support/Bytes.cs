using System.Globalization;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>Test data that shows reordering, loss and duplication, and whole-sequence comparison.</summary>
internal static class Bytes
{
    /// <summary>A prime period, so the pattern never lines up with buffer or chunk sizes.</summary>
    private const int Period = 65521;

    private static readonly byte[] Cycle = MakeCycle();

    /// <summary>The <paramref name="length"/> bytes of the pattern starting at <paramref name="offset"/>.</summary>
    public static byte[] Pattern(long offset, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = Cycle[(offset + i) % Period];
        }

        return bytes;
    }

    /// <summary>Asserts two byte sequences are equal, naming the first difference instead of dumping megabytes.</summary>
    public static void AssertEqual(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        if (expected.SequenceEqual(actual))
        {
            return;
        }

        var common = Math.Min(expected.Length, actual.Length);
        var first = expected[..common].CommonPrefixLength(actual[..common]);
        Assert.Fail(string.Create(
            CultureInfo.InvariantCulture,
            $"Expected {expected.Length} bytes, got {actual.Length}; they differ first at offset {first}."));
    }

    private static byte[] MakeCycle()
    {
        var cycle = new byte[Period];
        new Random(20240601).NextBytes(cycle);
        return cycle;
    }
}
