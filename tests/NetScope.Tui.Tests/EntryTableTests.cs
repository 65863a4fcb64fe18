using NetScope.Core.Transports;
using NetScope.Sessions.Events;
using NetScope.Sessions.Timing;
using NetScope.Sessions.Workspaces;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class EntryTableTests
{
    private static readonly PhaseTimings NoPhases = new([], 0, null);

    [Fact]
    public void EventsBuildRowsWithStateBottomTransportBytesAndEndReason()
    {
        var table = new EntryTable(maxEndedSessions: 10);
        table.Apply(new ListenerOpened(1, "echo", "127.0.0.1:0"));
        table.Apply(new ListenerStateChanged(1, ListenerState.Listening, "127.0.0.1:7007", null));
        table.Apply(new SessionOpened(2, "tcp", "127.0.0.1:7007", null));
        table.Apply(new TransportOpened(2, 100, "tcp", 0, TransportState.Connecting));
        table.Apply(new SessionStateChanged(2, SessionState.Open, null));
        table.Apply(new BytesTransferred(2, 100, 5, 7, 1, 1, 5, 7, 0, 65536, ProducerState.None, false));
        table.Apply(new SessionOpened(3, "echo", "127.0.0.1:50000", 1));
        table.Apply(new SessionClosed(3, SessionState.Failed, "connection reset by peer", NoPhases));

        Assert.Equal(
            [
                new EntryRow(1, true, null, "echo", "127.0.0.1:0", EntryStatus.Listening, 0, 0, 0, null, null, "127.0.0.1:7007"),
                new EntryRow(2, false, null, "tcp", "127.0.0.1:7007", EntryStatus.Open, 5, 7, 0, null, null, null),
                new EntryRow(3, false, 1, "echo", "127.0.0.1:50000", EntryStatus.Failed, 0, 0, 0, 0, "connection reset by peer", null),
            ],
            table.Rows);
    }

    [Fact]
    public void BytesOfAnUpperLayerDoNotReplaceTheWireCounters()
    {
        var table = new EntryTable(10);
        table.Apply(new SessionOpened(2, "tls", "example.com:443", null));
        table.Apply(new TransportOpened(2, 100, "tcp", 0, TransportState.Connected));
        table.Apply(new TransportOpened(2, 101, "tls", 1, TransportState.TlsHandshaking));
        table.Apply(new SessionStateChanged(2, SessionState.Open, null));
        table.Apply(new TransportStateChanged(2, 101, "tls", TransportState.Established, null));
        table.Apply(new BytesTransferred(2, 100, 900, 300, 1, 1, 900, 300, 0, 0, ProducerState.None, false));
        table.Apply(new BytesTransferred(2, 101, 10, 20, 1, 1, 10, 20, 0, 0, ProducerState.None, false));

        var row = Assert.Single(table.Rows);
        Assert.Equal((EntryStatus.Secure, 900L, 300L), (row.Status, row.BytesIn, row.BytesOut));
    }

    [Fact]
    public void EndedSessionsBeyondTheBoundAreForgottenOldestFirst()
    {
        var table = new EntryTable(maxEndedSessions: 2);
        for (var id = 1; id <= 4; id++)
        {
            table.Apply(new SessionOpened(id, "tcp", "h:1", null));
            table.Apply(new SessionClosed(id, SessionState.Closed, "connection closed", NoPhases));
        }

        table.Apply(new SessionOpened(5, "tcp", "h:1", null));

        Assert.Equal([3L, 4L, 5L], table.Rows.Select(r => r.Id).ToArray());
    }

    [Fact]
    public void EventsAboutAnEntryNameIt()
    {
        var table = new EntryTable(10);
        table.Apply(new SessionOpened(2, "tcp", "h:1", null));

        Assert.Equal(2, table.Apply(new TranscriptAppended(2, 0, 0, 1, 0, 0, 0)));
        Assert.Equal(9, table.Apply(new DeferredCreated(9, 1, null, null, 0)));
        Assert.Null(table.Apply(new EventsDropped(3)));
    }
}
