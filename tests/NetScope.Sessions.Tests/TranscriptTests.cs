using System.Text;
using CsCheck;
using NetScope.Sessions.Transcripts;
using NetScope.Testing;

namespace NetScope.Sessions.Tests;

/// <summary>The transcript's bounded ring: sequence numbers, notes in line with data, and what is dropped when it is full.</summary>
public sealed class TranscriptTests
{
    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Show(TranscriptEntry entry) =>
        $"{entry.Sequence}:{entry.Direction}:{entry.Offset}:{(entry.Direction == Direction.Note ? entry.Note : Encoding.ASCII.GetString(entry.Data))}";

    [Fact]
    public void Entries_keep_their_order_direction_offsets_times_and_notes()
    {
        var clock = new Clock();
        var transcript = new Transcript(clock, capacityBytes: 1024);

        transcript.Append(Direction.Sent, Ascii("hello\n"));
        clock.Advance(0.5);
        transcript.AddNote("peer finished sending");
        transcript.Append(Direction.Received, Ascii("hel"));
        transcript.Append(Direction.Received, Ascii("lo\n"));
        transcript.Append(Direction.Sent, Ascii("bye\n"));

        var entries = transcript.Read(0);
        Assert.Equal(
            ["0:Sent:0:hello\n", "1:Note:0:peer finished sending", "2:Received:0:hel", "3:Received:3:lo\n", "4:Sent:6:bye\n"],
            entries.Select(Show));
        Assert.Equal([0, 0.5, 0.5, 0.5, 0.5], entries.Select(e => e.Time));
        Assert.Equal((10, 6, 5, 0L), (transcript.TotalSent, transcript.TotalReceived, transcript.Count, transcript.DroppedBytes));
        Assert.Equal(["2:Received:0:hel", "3:Received:3:lo\n"], transcript.Read(2, max: 2).Select(Show));
    }

    [Fact]
    public void A_full_ring_drops_the_oldest_entries_with_their_notes_and_counts_them()
    {
        var transcript = new Transcript(new Clock(), capacityBytes: 8);

        transcript.AddNote("opened");
        transcript.Append(Direction.Sent, Ascii("abcd"));
        transcript.AddNote("half");
        transcript.Append(Direction.Received, Ascii("efgh"));
        transcript.Append(Direction.Sent, Ascii("ij"));

        // "ij" needs room: "opened" and "abcd" go; the note after them stays in line.
        Assert.Equal(["2:Note:0:half", "3:Received:0:efgh", "4:Sent:4:ij"], transcript.Read(0).Select(Show));
        Assert.Equal((2L, 2L, 4L, 6L), (transcript.FirstSequence, transcript.DroppedEntries, transcript.DroppedBytes, transcript.HeldBytes));
    }

    [Fact]
    public void A_transcript_of_no_capacity_counts_everything_and_keeps_nothing()
    {
        var transcript = new Transcript(new Clock(), capacityBytes: 0);
        var appended = new List<(long, Direction, int)>();
        transcript.Appended = (sequence, direction, length) => appended.Add((sequence, direction, length));

        transcript.Append(Direction.Sent, Ascii("hello\n"));
        transcript.AddNote("peer finished sending");
        transcript.Append(Direction.Received, Ascii("hi"));

        Assert.False(transcript.KeepsEntries);
        Assert.Equal([(0L, Direction.Sent, 6), (1L, Direction.Note, 0), (2L, Direction.Received, 2)], appended);
        Assert.Empty(transcript.Read(0));
        Assert.Equal((6L, 2L, 0, 0L), (transcript.TotalSent, transcript.TotalReceived, transcript.Count, transcript.HeldBytes));
        Assert.Equal((3L, 3L, 8L, 3L), (transcript.NextSequence, transcript.FirstSequence, transcript.DroppedBytes, transcript.DroppedEntries));
    }

    [Fact]
    public void A_chunk_larger_than_the_ring_keeps_only_its_tail_at_the_right_offset()
    {
        var transcript = new Transcript(new Clock(), capacityBytes: 4);

        transcript.Append(Direction.Received, Ascii("0123456789"));

        Assert.Equal(["0:Received:6:6789"], transcript.Read(0).Select(Show));
        Assert.Equal(6, transcript.DroppedBytes);
    }

    [Fact]
    public void Notes_alone_are_bounded_by_the_entry_limit()
    {
        var transcript = new Transcript(new Clock(), capacityBytes: 16);

        for (var i = 0; i < transcript.MaxEntries + 10; i++)
        {
            transcript.AddNote($"note {i}");
        }

        var entries = transcript.Read(0);
        Assert.Equal(transcript.MaxEntries, entries.Count);
        Assert.Equal("10:Note:0:note 10", Show(entries[0]));
        Assert.Equal($"{transcript.MaxEntries + 9}:Note:0:note {transcript.MaxEntries + 9}", Show(entries[^1]));
    }

    [Fact]
    public void Whatever_is_appended_the_ring_holds_exactly_the_newest_entries_that_fit()
    {
        // Each step: 0 = a note, otherwise that many bytes in one direction.
        Gen.Int[0, 12].Array[1, 200].Sample(steps =>
        {
            const int Capacity = 32;
            var transcript = new Transcript(new Clock(), Capacity);
            var model = new List<string>();
            for (var i = 0; i < steps.Length; i++)
            {
                if (steps[i] == 0)
                {
                    transcript.AddNote($"n{i}");
                    model.Add($"{i}:Note:n{i}");
                }
                else
                {
                    var text = new string((char)('a' + (i % 26)), steps[i]);
                    transcript.Append(i % 2 == 0 ? Direction.Sent : Direction.Received, Ascii(text));
                    model.Add($"{i}:{(i % 2 == 0 ? Direction.Sent : Direction.Received)}:{text}");
                }
            }

            // The newest entries whose data fits in the capacity (notes take no bytes).
            var kept = new List<string>();
            var bytes = 0;
            for (var i = model.Count - 1; i >= 0; i--)
            {
                var length = steps[i];
                if (bytes + length > Capacity)
                {
                    break;
                }

                bytes += length;
                kept.Insert(0, model[i]);
            }

            var actual = transcript.Read(0).Select(e => $"{e.Sequence}:{e.Direction}:{(e.Direction == Direction.Note ? e.Note : Encoding.ASCII.GetString(e.Data))}");
            Assert.Equal(kept, actual);
        });
    }
}
