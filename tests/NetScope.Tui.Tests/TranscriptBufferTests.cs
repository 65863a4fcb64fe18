using System.Text;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class TranscriptBufferTests
{
    private static string[] Texts(TranscriptBuffer buffer, TranscriptMode mode)
    {
        var lines = new List<TranscriptLine>();
        buffer.GetLines(mode, 0, int.MaxValue, lines);
        return lines.Select(l => l.Kind == TranscriptLineKind.Data ? Encoding.Latin1.GetString(l.Bytes.Span) : $"[{l.Text}]").ToArray();
    }

    [Fact]
    public void EachEntryIsCutIntoLinesAfterEveryLineFeedAndFetchesAppendOnlyWhatIsNew()
    {
        var source = new Transcripts().Sent("GET / HTTP/1.1\r\nHost: x\r\n\r\n", 1).Received("HTTP/1.1 200 OK\r\npartial", 2);
        var buffer = new TranscriptBuffer(7);
        buffer.Append(source.Fetch());
        source.Received(" rest\n", 3).Note("connection closed", 4);
        buffer.Append(source.Fetch(buffer.NextSequence));

        Assert.Equal(["GET / HTTP/1.1\r\n", "Host: x\r\n", "\r\n", "HTTP/1.1 200 OK\r\n", "partial", " rest\n", "[connection closed]"], Texts(buffer, TranscriptMode.Text));
        Assert.Equal(4, buffer.NextSequence);
        Assert.Equal(0, buffer.DroppedBefore);
    }

    [Fact]
    public void HexLinesHoldSixteenBytesEachWithTheirOffsetInTheStream()
    {
        var source = new Transcripts().Received(new string('a', 20), 1).Received("bc", 2);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        var lines = new List<TranscriptLine>();
        buffer.GetLines(TranscriptMode.Hex, 0, 10, lines);

        Assert.Equal([(0L, 16, true), (16L, 4, false), (20L, 2, true)], lines.Select(l => (l.Offset, l.Bytes.Length, l.First)).ToArray());
        Assert.Equal(3, buffer.LineCount(TranscriptMode.Hex));
        Assert.Equal(2, buffer.LineCount(TranscriptMode.Text));
    }

    [Fact]
    public void ALineLongerThanTheSegmentSizeIsShownInPieces()
    {
        var source = new Transcripts().Received(new string('x', (TranscriptBuffer.MaxSegmentBytes * 2) + 10) + "\n", 1);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());

        Assert.Equal([TranscriptBuffer.MaxSegmentBytes, TranscriptBuffer.MaxSegmentBytes, 11], Texts(buffer, TranscriptMode.Text).Select(t => t.Length).ToArray());
    }

    [Fact]
    public void EntriesTheRingDroppedBeforeTheyWereFetchedLeaveAMarkerSayingHowMuch()
    {
        var source = new Transcripts().Received("one\n", 1);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        source.Lost(entries: 3, receivedBytes: 12_000).Received("two\n", 2);
        buffer.Append(source.Fetch(buffer.NextSequence));

        Assert.Equal(["one\n", "[12,000 bytes (3 entries) dropped here: the transcript ring overflowed before they were shown]", "two\n"], Texts(buffer, TranscriptMode.Text));
    }

    [Fact]
    public void AFetchThatTookOnlyTheNewestEntriesMarksTheRestAsSkippedNotDropped()
    {
        var source = new Transcripts().Received("one\n", 1);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        source.Received("two\n", 2).Received("three\n", 3);
        var newestOnly = source.Fetch(buffer.NextSequence + 1);
        buffer.Append(newestOnly, skipped: true);

        Assert.Equal(["one\n", "[4 bytes skipped here: more arrived than the display shows (it takes the newest)]", "three\n"], Texts(buffer, TranscriptMode.Text));
    }

    [Fact]
    public void DataDroppedBeforeTheFirstFetchIsAnnouncedByAHeaderLine()
    {
        var source = new Transcripts().Lost(entries: 5, receivedBytes: 2048).Received("tail\n", 1);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());

        Assert.Equal(["[2,048 earlier bytes dropped (the transcript keeps the newest 1 MiB)]", "tail\n"], Texts(buffer, TranscriptMode.Text));
        Assert.Equal(2, buffer.LineCount(TranscriptMode.Hex));
    }

    [Fact]
    public void TheBufferKeepsWithinItsCapacityByDroppingTheOldestEntries()
    {
        var buffer = new TranscriptBuffer(1, capacityBytes: 100);
        var source = new Transcripts();
        for (var i = 0; i < 30; i++)
        {
            source.Received($"line {i:00}\n", i);
        }

        buffer.Append(source.Fetch());

        Assert.True(buffer.HeldBytes <= 100);
        var texts = Texts(buffer, TranscriptMode.Text);
        Assert.Equal("[144 earlier bytes dropped (the transcript keeps the newest 100 B)]", texts[0]);
        Assert.Equal("line 29\n", texts[^1]);
        Assert.Equal(1 + 12, texts.Length);
    }

    [Fact]
    public void LinesAreReadFromAnyStartWithoutReadingTheWholeBuffer()
    {
        var source = new Transcripts();
        for (var i = 0; i < 1000; i++)
        {
            source.Received($"{i}\n{i}\n", i);
        }

        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        var lines = new List<TranscriptLine>();
        buffer.GetLines(TranscriptMode.Text, 1501, 3, lines);

        Assert.Equal(["750\n", "751\n", "751\n"], lines.Select(l => Encoding.Latin1.GetString(l.Bytes.Span)).ToArray());
        Assert.Equal([false, true, false], lines.Select(l => l.First).ToArray());
    }
}
