using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class EpollEventTests
{
    [Fact]
    public void NativeSizeIsTwelveBytesOnX64AndSixteenOnArm64()
    {
        // <linux/eventpoll.h>: EPOLL_PACKED is __attribute__((packed)) only under __x86_64__.
        int expected = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 => 12,
            _ => 16,
        };

        Assert.Equal(expected, EpollEvent.NativeSize);
        Assert.Equal(expected == 12, EpollEvent.IsPackedOnThisArchitecture);
    }

    [Fact]
    public void ManagedLayoutIsSixteenBytesWithDataAtOffsetEight()
    {
        var value = new EpollEvent(EpollEvents.In | EpollEvents.EdgeTriggered, 0x0102030405060708);
        byte[] bytes = MemoryMarshal.AsBytes(new[] { value }.AsSpan()).ToArray();

        Assert.Equal(16, Unsafe.SizeOf<EpollEvent>());
        Assert.Equal(0x8000_0001u, MemoryMarshal.Read<uint>(bytes));
        Assert.Equal(0x0102030405060708UL, MemoryMarshal.Read<ulong>(bytes.AsSpan(8)));
    }

    [Fact]
    public void EventBitsHaveTheKernelValues()
    {
        Assert.Equal(0x001u, (uint)EpollEvents.In);
        Assert.Equal(0x004u, (uint)EpollEvents.Out);
        Assert.Equal(0x008u, (uint)EpollEvents.Err);
        Assert.Equal(0x010u, (uint)EpollEvents.Hup);
        Assert.Equal(0x2000u, (uint)EpollEvents.RdHup);
        Assert.Equal(0x8000_0000u, (uint)EpollEvents.EdgeTriggered);
        Assert.Equal(0x4000_0000u, (uint)EpollEvents.OneShot);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(64)]
    public void ExpandPackedTurnsTwelveByteRecordsIntoEventsInPlace(int count)
    {
        var events = new EpollEvent[count];
        Span<byte> raw = MemoryMarshal.AsBytes(events.AsSpan());
        raw.Fill(0xEE);
        for (int i = 0; i < count; i++)
        {
            MemoryMarshal.Write(raw[(i * 12)..], (uint)(i + 1));
            MemoryMarshal.Write(raw[((i * 12) + 4)..], 0xA000_0000_0000_0000UL + (ulong)i);
        }

        EpollEvent.ExpandPacked(events, count);

        var expected = Enumerable.Range(0, count)
            .Select(i => ((EpollEvents)(uint)(i + 1), 0xA000_0000_0000_0000UL + (ulong)i));
        Assert.Equal(expected, events.Select(e => (e.Events, e.Data)));
    }

    [Fact]
    public void WaitReturnsEveryRegisteredDataValueIntact()
    {
        // Several reports in one wait: a wrong stride for the kernel's layout would garble all but the first.
        ulong[] tokens = [0xFFFF_0000_0000_0001, 0x8000_0000_DEAD_BEEF, 0x0123_4567_89AB_CDEF, 42];
        using var epoll = new Epoll();
        var eventFds = tokens.Select(_ => new EventFd()).ToArray();
        try
        {
            for (int i = 0; i < tokens.Length; i++)
            {
                Assert.Equal(Errno.None, epoll.Add(eventFds[i].Fd, EpollEvents.In, tokens[i]));
                eventFds[i].Signal();
            }

            var events = new EpollEvent[8];
            int count = epoll.Wait(events, LoopbackSockets.TimeoutMs);

            Assert.Equal(tokens.Length, count);
            Assert.Equal(tokens.Order(), events.Take(count).Select(e => e.Data).Order());
            Assert.All(events.Take(count), e => Assert.Equal(EpollEvents.In, e.Events));
        }
        finally
        {
            foreach (EventFd eventFd in eventFds)
            {
                eventFd.Dispose();
            }
        }
    }
}
