using System.Net.Sockets;
using System.Runtime.InteropServices;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class SendVectoredTests : IDisposable
{
    private readonly LoopbackSockets _sockets = new();

    public void Dispose() => _sockets.Dispose();

    [Fact]
    public void SeveralSegmentsArriveInOrderAndWhole()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        byte[] backing = "xxHELLOxx"u8.ToArray();
        using var wrapped = new WrappedMemory(" from a memory manager"u8.ToArray());
        ReadOnlyMemory<byte>[] segments =
        [
            "first segment, "u8.ToArray(),
            ReadOnlyMemory<byte>.Empty,
            backing.AsMemory(2, 5),
            wrapped.Memory,
            ", "u8.ToArray(),
            new byte[] { (byte)'!' },
        ];
        byte[] expected = segments.SelectMany(s => s.ToArray()).ToArray();

        SysResult sent = LinuxSockets.SendVectored(client, segments);

        Assert.Equal(expected.Length, LoopbackSockets.Ok(sent));
        Assert.Equal("first segment, HELLO from a memory manager, !", System.Text.Encoding.ASCII.GetString(_sockets.ReceiveExactly(server, expected.Length)));
    }

    [Fact]
    public void TwoSpansArriveAsOneStreamInOrder()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        Span<byte> header = stackalloc byte[] { 0x00, 0x05 };

        SysResult sent = LinuxSockets.SendVectored(client, header, "hello"u8);

        Assert.Equal(7, LoopbackSockets.Ok(sent));
        Assert.Equal(new byte[] { 0x00, 0x05, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o' }, _sockets.ReceiveExactly(server, 7));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(257)]
    public void EverySegmentCountIsSentWholeAndInOrder(int count)
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetworkV6);
        List<ReadOnlyMemory<byte>> segments = Enumerable.Range(0, count)
            .Select(i => (ReadOnlyMemory<byte>)Enumerable.Range(0, (i % 5) + 1).Select(j => (byte)(i + j)).ToArray())
            .ToList();
        byte[] expected = segments.SelectMany(s => s.ToArray()).ToArray();

        SysResult sent = LinuxSockets.SendVectored(client, CollectionsMarshal.AsSpan(segments));

        Assert.Equal(expected.Length, LoopbackSockets.Ok(sent));
        Assert.Equal(expected, _sockets.ReceiveExactly(server, expected.Length));
    }

    [Fact]
    public void OnlyTheFirstIovMaxSegmentsGoOutInOneCall()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        ReadOnlyMemory<byte>[] segments = Enumerable.Range(0, 1500)
            .Select(i => (ReadOnlyMemory<byte>)new[] { (byte)i, (byte)(i >> 8) })
            .ToArray();

        SysResult first = LinuxSockets.SendVectored(client, segments);
        SysResult second = LinuxSockets.SendVectored(client, segments.AsSpan(LinuxSockets.MaxSegmentsPerSend));

        Assert.Equal(2 * 1024, LoopbackSockets.Ok(first));
        Assert.Equal(2 * (1500 - 1024), LoopbackSockets.Ok(second));
        byte[] expected = segments.SelectMany(s => s.ToArray()).ToArray();
        Assert.Equal(expected, _sockets.ReceiveExactly(server, expected.Length));
    }

    [Fact]
    public void AnEmptySegmentListSendsNothing()
    {
        (int client, _) = _sockets.Connect(AddressFamily.InterNetwork);

        Assert.Equal(0, LoopbackSockets.Ok(LinuxSockets.SendVectored(client, ReadOnlySpan<ReadOnlyMemory<byte>>.Empty)));
    }

    [Fact]
    public void APartialSendReportsTheBytesTakenAcrossSegments()
    {
        (int client, int server) = _sockets.Connect(AddressFamily.InterNetwork);
        LoopbackSockets.Ok(LinuxSockets.SetSendBufferSize(client, 4096));
        LoopbackSockets.Ok(LinuxSockets.SetReceiveBufferSize(server, 4096));
        var random = new Random(1234);
        var segments = new List<ReadOnlyMemory<byte>>();
        for (int i = 0; i < 40; i++)
        {
            var segment = new byte[(i * 997) % 65_536 + 1];
            random.NextBytes(segment);
            segments.Add(segment);
        }

        byte[] expected = segments.SelectMany(s => s.ToArray()).ToArray();

        // Offer everything not yet sent each time, as a reactor's write buffer does: trim the
        // segments the kernel took; stop when it pushes back.
        int total = 0;
        SysResult result;
        while ((result = LinuxSockets.SendVectored(client, CollectionsMarshal.AsSpan(segments))).IsSuccess && segments.Count > 0)
        {
            total += result.Value;
            Consume(segments, result.Value);
        }

        Assert.Equal(Errno.EAGAIN, result.Error);
        Assert.InRange(total, 1, expected.Length - 1);
        Assert.Equal(expected.AsSpan(0, total).ToArray(), _sockets.ReceiveExactly(server, total));
    }

    private static void Consume(List<ReadOnlyMemory<byte>> segments, int sent)
    {
        while (sent > 0)
        {
            if (sent >= segments[0].Length)
            {
                sent -= segments[0].Length;
                segments.RemoveAt(0);
            }
            else
            {
                segments[0] = segments[0][sent..];
                sent = 0;
            }
        }
    }
}
