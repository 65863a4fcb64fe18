using NetScope.Sessions.Formatting;
using NetScope.Sessions.Transcripts;

namespace NetScope.Tui.Model;

/// <content>One held entry with its place in the text and hex line indexes.</content>
internal sealed partial class TranscriptBuffer
{
    private sealed class Item
    {
        private static readonly int[] Single = [0];

        private Item(TranscriptLineKind kind, Direction direction, double time, long offset, byte[] data, string? text, long gapBytes, int[] segments)
        {
            Kind = kind;
            Direction = direction;
            Time = time;
            Offset = offset;
            Data = data;
            Text = text;
            GapBytes = gapBytes;
            Segments = segments;
            TextLines = segments.Length;
            HexLines = kind == TranscriptLineKind.Data ? Math.Max(1, (data.Length + HexDump.BytesPerLine - 1) / HexDump.BytesPerLine) : 1;
        }

        public TranscriptLineKind Kind { get; }

        public Direction Direction { get; }

        public double Time { get; }

        public long Offset { get; }

        public byte[] Data { get; }

        public string? Text { get; }

        public long GapBytes { get; }

        /// <summary>Start offsets of the text segments (one for notes and markers).</summary>
        public int[] Segments { get; }

        public int TextLines { get; }

        public int HexLines { get; }

        public long TextStart { get; set; }

        public long HexStart { get; set; }

        public static Item OfData(TranscriptEntry entry) =>
            new(TranscriptLineKind.Data, entry.Direction, entry.Time, entry.Offset, entry.Data, null, 0, SegmentStarts(entry.Data));

        public static Item OfNote(TranscriptEntry entry) =>
            new(TranscriptLineKind.Note, Direction.Note, entry.Time, 0, [], entry.Note ?? string.Empty, 0, Single);

        public static Item Gap(long bytes, long entries, double time, bool skipped) =>
            new(TranscriptLineKind.Dropped, Direction.Note, time, 0, [], DroppedText(bytes, entries, keptBytes: null, skipped), bytes, Single);

        public long Start(TranscriptMode mode) => mode == TranscriptMode.Text ? TextStart : HexStart;

        public int Lines(TranscriptMode mode) => mode == TranscriptMode.Text ? TextLines : HexLines;

        public TranscriptLine Line(TranscriptMode mode, int k)
        {
            if (Kind != TranscriptLineKind.Data)
            {
                return new TranscriptLine(Kind, Direction, Time, true, 0, ReadOnlyMemory<byte>.Empty, Text);
            }

            if (mode == TranscriptMode.Hex)
            {
                var start = k * HexDump.BytesPerLine;
                var length = Math.Min(HexDump.BytesPerLine, Data.Length - start);
                return new TranscriptLine(Kind, Direction, Time, k == 0, Offset + start, Data.AsMemory(start, length), null);
            }

            var from = Segments[k];
            var to = k + 1 < Segments.Length ? Segments[k + 1] : Data.Length;
            return new TranscriptLine(Kind, Direction, Time, k == 0, Offset + from, Data.AsMemory(from, to - from), null);
        }
    }
}
