using NetScope.Sessions.Events;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Tests;

/// <summary>A fast session against a consumer that does not read: memory stays bounded and the reactor never waits.</summary>
public sealed class FloodTests : IDisposable
{
    private readonly Harness _harness = new(new WorkspaceOptions { TranscriptCapacityBytes = 64 * 1024 }, subscriptionCapacity: 16);

    [Fact]
    public void AFloodIntoAStalledConsumerIsMergedAndCountedNotQueued()
    {
        var (session, connection) = _harness.Connected(mode: Streams.StreamMode.Raw);
        var slow = _harness.Workspace.Subscribe(capacity: 8);
        var chunk = new byte[1000];
        for (var i = 0; i < 100_000; i++)
        {
            connection.Deliver(chunk);
            if (i % 1000 == 0)
            {
                _harness.Reactor.Clock.Advance(0.25);
            }
        }

        Assert.True(slow.Count <= slow.Capacity);
        var transcript = session.Transcript;
        Assert.True(transcript.HeldBytes <= 64 * 1024);
        Assert.Equal(100_000_000, transcript.TotalReceived);
        Assert.Equal(100_000_000 - transcript.HeldBytes, transcript.DroppedBytes);

        var events = new List<WorkspaceEvent>();
        slow.ReadAll(events);
        Assert.Equal(100_000_000, Assert.Single(events.OfType<TranscriptAppended>(), e => e.EntryId == session.Id).BytesReceived);
        Assert.Single(events.OfType<BytesTransferred>(), e => e.SessionId == session.Id);
        Assert.True(slow.DroppedCount > 0);
        var dropped = Assert.Single(events.OfType<EventsDropped>());
        Assert.Equal(slow.DroppedCount, dropped.Count);

        // Counters are merged, never lost: over both reads they account for every byte.
        for (var i = 0; i < 10; i++)
        {
            connection.Deliver(chunk);
        }

        _harness.Reactor.Clock.Advance(0.25);
        slow.ReadAll(events);
        Assert.Equal(100_010_000, events.OfType<TranscriptAppended>().Where(e => e.EntryId == session.Id).Sum(e => e.BytesReceived));
        Assert.Equal(100_010_000, events.OfType<BytesTransferred>().Where(e => e.SessionId == session.Id).Sum(e => e.BytesIn));
    }

    [Fact]
    public void MergedCountersSumEveryChunkWhileUnread()
    {
        var (session, connection) = _harness.Connected(mode: Streams.StreamMode.Raw);
        var reader = _harness.Workspace.Subscribe(capacity: 1024);
        for (var i = 0; i < 5000; i++)
        {
            connection.Deliver(new byte[10]);
        }

        _harness.Reactor.Clock.Advance(0.25);
        var events = new List<WorkspaceEvent>();
        reader.ReadAll(events);

        var appended = Assert.Single(events.OfType<TranscriptAppended>());
        Assert.Equal((50_000L, 5000L), (appended.BytesReceived, appended.LastSequence - appended.FirstSequence + 1));
        var bytes = Assert.Single(events.OfType<BytesTransferred>());
        Assert.Equal((50_000L, 5000L, 50_000L), (bytes.BytesIn, bytes.ChunksIn, bytes.TotalIn));
        Assert.Equal(0, reader.DroppedCount);
    }

    [Fact]
    public async Task AConsumerOnAnotherThreadWakesForEventsAndSeesTheEndOfTheStream()
    {
        using var harness = new Harness();
        var subscription = harness.Workspace.Subscribe(64);
        var waiting = subscription.WaitToReadAsync();
        Assert.False(waiting.IsCompleted);

        harness.Connected();
        await waiting.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(subscription.TryRead(out var first));
        Assert.IsType<SessionOpened>(first);

        harness.Workspace.Dispose();
        var rest = new List<WorkspaceEvent>();
        while (!subscription.IsCompleted)
        {
            await subscription.WaitToReadAsync().WaitAsync(TimeSpan.FromSeconds(10));
            subscription.ReadAll(rest);
        }

        Assert.True(subscription.IsCompleted);
    }

    public void Dispose() => _harness.Dispose();
}
