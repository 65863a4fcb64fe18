using NetScope.Core.Protocols.Basic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>LineReceiver's framing, mode switches and flow control, after Twisted's test_basic.py.</summary>
public class LineReceiverTests
{
    /// <summary>Twisted's <c>LineReceiverTests.buffer</c>: lines, raw sections of announced length, a long line.</summary>
    private const string TwistedBuffer =
        "len 10\n\n0123456789len 5\n\n1234\nlen 20\nfoo 123\n\n0123456789\n012345678len 0\nfoo 5\n\n" +
        "1234567890123456789012345678901234567890123456789012345678901234567890\nlen 1\n\na";

    private static readonly string[] TwistedOutput =
    [
        "len 10", "0123456789", "len 5", "1234\n", "len 20", "foo 123", "0123456789\n012345678",
        "len 0", "foo 5", string.Empty, "67890", "len 1", "a",
    ];

    public static TheoryData<int> TwistedBufferChunkSizes() => [.. AllChunkSizes(TwistedBuffer.Length)];

    [Theory]
    [MemberData(nameof(TwistedBufferChunkSizes))]
    public void TwistedLineTesterBufferParsesTheSameInEveryChunkSize(int chunkSize)
    {
        var tester = new LineTester();
        tester.MakeConnection(new StringTransport(lenient: true));
        Feed(tester, B(TwistedBuffer), chunkSize);

        // The remainder a long line hands back through SetLineMode is parsed at the next read
        // (the long line ends that read's loop); Twisted's test always ends with one more read.
        tester.DataReceived([]);
        Assert.Equal(TwistedOutput, tester.Received);
    }

    [Fact]
    public void ManyLinesInOneReadAreDeliveredInOrder()
    {
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B("one\r\ntwo\r\n\r\nthree\r\nfour"));
        Assert.Equal(["one", "two", string.Empty, "three"], receiver.Lines);
        Assert.Equal(4, receiver.BufferedLength);
        Assert.Equal(B("four"), receiver.ClearLineBuffer());
        Assert.Equal(0, receiver.BufferedLength);
    }

    [Fact]
    public void DelimiterSplitAcrossReadsIsRecognised()
    {
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B("hello\r"));
        Assert.Empty(receiver.Lines);
        receiver.DataReceived(B("\nworld\r"));
        Assert.Equal(["hello"], receiver.Lines);
        receiver.DataReceived(B("\n"));
        Assert.Equal(["hello", "world"], receiver.Lines);
        Assert.Equal(0, receiver.BufferedLength);
    }

    public static TheoryData<string, string> Delimiters() => new()
    {
        { "\r\n", "a\r\nb\r\rc\n\r\nd\r\n\r\n" },
        { "\n", "a\nb\r\n\nc\n" },
        { "||", "a||b|c|||d||" },
        { "aba", "xabaababyabaabaab" },
        { "\n\n", "one\n\ntwo\n\n\nthree\n\n" },
        { "END", "ENENDxEND" },
    };

    [Theory]
    [MemberData(nameof(Delimiters))]
    public void CustomDelimitersSplitLikeTwistedInEveryChunkSize(string delimiter, string input)
    {
        var expected = SplitLikePython(input, delimiter);
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var receiver = new RecordingLineReceiver { Delimiter = B(delimiter) };
            receiver.MakeConnection(new StringTransport());
            Feed(receiver, B(input), chunkSize);
            Assert.Equal(expected[..^1], receiver.Lines);
            Assert.Equal(expected[^1], S(receiver.ClearLineBuffer()));
        }
    }

    [Fact]
    public void SwitchingToRawAndBackAtEveryPositionLosesAndRepeatsNothing()
    {
        var body = B("ab\ncd\n\nef\r\ngh\nij");
        for (var split = 0; split <= body.Length; split++)
        {
            var input = B($"raw {split}\n").Concat(body).ToArray();
            var expectedLines = SplitLikePython(S(body.AsSpan(split)), "\n");
            foreach (var chunkSize in AllChunkSizes(input.Length))
            {
                var receiver = new SwitchingReceiver();
                receiver.MakeConnection(new StringTransport());
                Feed(receiver, input, chunkSize);
                Assert.Equal(S(body.AsSpan(0, split)), S(receiver.Raw.ToArray()));
                Assert.Equal(["raw " + split, .. expectedLines[..^1]], receiver.Lines);
                Assert.Equal(expectedLines[^1], S(receiver.ClearLineBuffer()));
            }
        }
    }

    [Fact]
    public void SwitchingToRawAfterEachLineDeliversTheRestAsRawBytes()
    {
        var lines = new[] { "zero", "one", "two", "three", "four" };
        var input = B(string.Join("\r\n", lines) + "\r\ntail\r\n");
        for (var switchAfter = 0; switchAfter < lines.Length; switchAfter++)
        {
            var expectedRaw = string.Join("\r\n", lines[(switchAfter + 1)..].Append("tail").Append(string.Empty));
            foreach (var chunkSize in AllChunkSizes(input.Length))
            {
                var receiver = new RecordingLineReceiver { RawAfterLines = switchAfter + 1 };
                receiver.MakeConnection(new StringTransport());
                Feed(receiver, input, chunkSize);
                Assert.Equal(lines[..(switchAfter + 1)], receiver.Lines);
                Assert.Equal(expectedRaw, S(receiver.Raw.ToArray()));
                Assert.Equal(LineReceiverMode.Raw, receiver.Mode);
            }
        }
    }

    [Fact]
    public void FlippingModesOnEveryByteTenThousandTimesDoesNotRecurse()
    {
        // Twisted's test_stackRecursion: "x\nx" repeated, one mode switch per line.
        var receiver = new FlippingLineTester();
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B(string.Concat(Enumerable.Repeat("x\nx", 10_000))));
        Assert.Equal(new string('x', 10_000), string.Concat(receiver.Lines));
    }

    [Fact]
    public void PausingStopsDeliveryOfBufferedLinesAndResumingDeliversThem()
    {
        // Twisted's test_pausing, in every chunk size.
        const string input = "twiddle1\ntwiddle2\npause\ntwiddle3\n";
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var clock = new Clock();
            var tester = new LineTester(clock);
            tester.MakeConnection(new StringTransport());
            Feed(tester, B(input), chunkSize);
            Assert.Equal(["twiddle1", "twiddle2", "pause"], tester.Received);
            Assert.True(tester.Paused);
            clock.Advance(0);
            Assert.Equal(["twiddle1", "twiddle2", "pause", "twiddle3"], tester.Received);
            Assert.False(tester.Paused);
        }
    }

    [Fact]
    public void PausingInRawModeHoldsRawDataUntilResumed()
    {
        // Twisted's test_rawPausing, in every chunk size.
        const string input = "twiddle1\ntwiddle2\nlen 5\nrawpause\n12345twiddle3\n";
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var clock = new Clock();
            var tester = new LineTester(clock);
            tester.MakeConnection(new StringTransport());
            Feed(tester, B(input), chunkSize);
            Assert.Equal(["twiddle1", "twiddle2", "len 5", "rawpause", string.Empty], tester.Received);
            clock.Advance(0);
            Assert.Equal(["twiddle1", "twiddle2", "len 5", "rawpause", "12345", "twiddle3"], tester.Received);
        }
    }

    [Fact]
    public void StopProducingEndsDeliveryForGood()
    {
        // Twisted's test_stopProducing, in every chunk size.
        const string input = "twiddle1\ntwiddle2\nstop\nmore\nstuff\n";
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var transport = new StringTransport();
            var tester = new LineTester();
            tester.MakeConnection(transport);
            Feed(tester, B(input), chunkSize);
            Assert.Equal(["twiddle1", "twiddle2", "stop"], tester.Received);
            Assert.Equal(TransportProducerState.Stopped, transport.ProducerState);
        }
    }

    [Fact]
    public void LineReceiverCanRegisterItselfAsTheTransportsProducer()
    {
        // Twisted's test_lineReceiverAsProducer.
        var transport = new StringTransport();
        var tester = new LineTester();
        tester.MakeConnection(transport);
        tester.DataReceived(B("produce\nhello world\nunproduce\ngoodbye\n"));
        Assert.Equal(["produce", "hello world", "unproduce", "goodbye"], tester.Received);
        Assert.Null(transport.Producer);
    }

    [Fact]
    public void PauseAndResumeDriveTheTransportAndRedeliverHeldLines()
    {
        // Twisted's ProducerTests.test_pauseResume.
        var transport = new StringTransport();
        var protocol = new PausingEchoReceiver();
        protocol.MakeConnection(transport);

        protocol.DataReceived(B("hello, "));
        Assert.Empty(transport.Writes);
        Assert.False(protocol.Paused);

        protocol.DataReceived(B("world\r\n"));
        Assert.Equal(["hello, world"], transport.Writes.Select(w => S(w)));
        Assert.Equal(TransportProducerState.Paused, transport.ProducerState);
        Assert.True(protocol.Paused);

        protocol.ResumeProducing();
        Assert.Single(transport.Writes);
        Assert.Equal(TransportProducerState.Producing, transport.ProducerState);
        Assert.False(protocol.Paused);

        protocol.DataReceived(B("hello\r\nworld\r\n"));
        Assert.Equal(["hello, world", "hello"], transport.Writes.Select(w => S(w)));
        Assert.True(protocol.Paused);
        Assert.Equal(7, protocol.BufferedLength);

        protocol.ResumeProducing();
        Assert.Equal(["hello, world", "hello", "world"], transport.Writes.Select(w => S(w)));
        Assert.True(protocol.Paused);

        protocol.DataReceived(B("goodbye\r\n"));
        Assert.Equal(3, transport.Writes.Count);

        protocol.ResumeProducing();
        Assert.Equal(["hello, world", "hello", "world", "goodbye"], transport.Writes.Select(w => S(w)));
        Assert.True(protocol.Paused);

        protocol.ResumeProducing();
        Assert.Equal(4, transport.Writes.Count);
        Assert.False(protocol.Paused);
        Assert.Equal(
            [ProducerCall.Pause, ProducerCall.Resume, ProducerCall.Pause, ProducerCall.Resume, ProducerCall.Pause, ProducerCall.Resume, ProducerCall.Pause, ProducerCall.Resume],
            transport.ProducerCalls);
    }

    [Fact]
    public void ResumingFromInsideTheCallbackThatPausedCarriesOnWithTheSameRead()
    {
        var transport = new StringTransport();
        var receiver = new BlinkingReceiver();
        receiver.MakeConnection(transport);
        receiver.DataReceived(B("a\r\nb\r\nc\r\n"));
        Assert.Equal(["a", "b", "c"], receiver.Lines);
        Assert.False(receiver.Paused);
        Assert.Equal(6, transport.ProducerCalls.Count);
    }

    [Fact]
    public void ClearLineBufferFromALineCallbackReturnsAndDropsTheRest()
    {
        // Twisted's test_clearLineBuffer.
        var receiver = new ClearingReceiver();
        receiver.DataReceived(B("foo\r\nbar\r\nbaz"));
        Assert.Equal("foo", receiver.Line);
        Assert.Equal("bar\r\nbaz", receiver.Rest);

        receiver.DataReceived(B("quux\r\n"));
        Assert.Equal("quux", receiver.Line);
        Assert.Equal(string.Empty, receiver.Rest);
    }

    [Fact]
    public void LinesAfterTheTransportStartsClosingAreNotDelivered()
    {
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver { CloseOn = "quit" };
        receiver.MakeConnection(transport);
        receiver.DataReceived(B("a\r\nquit\r\nb\r\nc\r\n"));
        Assert.Equal(["a", "quit"], receiver.Lines);
        Assert.True(transport.Disconnecting);
        Assert.Equal(B("b\r\nc\r\n"), receiver.ClearLineBuffer());
    }

    [Fact]
    public void SetLineModeWithExtraFromOutsideParsesItAtOnce()
    {
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(new StringTransport());
        receiver.SetRawMode();
        Assert.Equal(LineReceiverMode.Raw, receiver.Mode);
        receiver.SetLineMode(B("x\r\ny"));
        Assert.Equal(LineReceiverMode.Line, receiver.Mode);
        Assert.Equal(["x"], receiver.Lines);
        Assert.Equal(1, receiver.BufferedLength);
    }

    [Fact]
    public void DataFedBackFromALineCallbackIsQueuedAfterTheCurrentInput()
    {
        var receiver = new RecordingLineReceiver { FeedBackOn = ("first", "injected\r\n") };
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B("first\r\nsecond\r\nthi"));
        Assert.Equal(["first", "second", "thiinjected"], receiver.Lines);
        Assert.Equal(0, receiver.BufferedLength);
    }

    [Fact]
    public void AnExceptionFromACallbackLeavesTheRestBufferedInOrder()
    {
        var receiver = new RecordingLineReceiver { ThrowOn = "boom" };
        receiver.MakeConnection(new StringTransport());
        Assert.Throws<InvalidOperationException>(() => receiver.DataReceived(B("a\r\nboom\r\nb\r\nc")));
        Assert.Equal(["a", "boom"], receiver.Lines);
        receiver.DataReceived(B("\r\n"));
        Assert.Equal(["a", "boom", "b", "c"], receiver.Lines);
    }

    [Fact]
    public void RawModeWithoutARawHandlerSaysSo()
    {
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(new StringTransport());
        receiver.SetRawMode();
        var error = Assert.Throws<InvalidOperationException>(() => receiver.DataReceived(B("x")));
        Assert.Contains("RawDataReceived", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SendLineWritesTheLineAndTheDelimiterInOneWrite()
    {
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver { Delimiter = B("\n") };
        receiver.MakeConnection(transport);
        receiver.SendLine(B("hello"));
        receiver.SendLine("wörld");
        var longLine = new string('z', 5000);
        receiver.SendLine(longLine);
        Assert.Equal(3, transport.Writes.Count);
        Assert.Equal("hello\nwörld\n" + longLine + "\n", transport.ValueString());
    }

    [Fact]
    public void AnEmptyDelimiterIsRejected()
    {
        var receiver = new RecordingLineReceiver();
        Assert.Throws<ArgumentException>(() => receiver.Delimiter = ReadOnlyMemory<byte>.Empty);
    }

    internal static List<string> SplitLikePython(string input, string delimiter) => [.. input.Split(delimiter)];

    /// <summary>Twisted's <c>FlippingLineTester</c>: raw mode after each line, then back with all but the first raw byte.</summary>
    private sealed class FlippingLineTester : LineReceiver
    {
        public FlippingLineTester() => Delimiter = B("\n");

        public List<string> Lines { get; } = [];

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Lines.Add(S(line));
            SetRawMode();
        }

        protected override void RawDataReceived(ReadOnlySpan<byte> data) => SetLineMode(data[1..]);
    }

    /// <summary>On the line "raw N", reads exactly N raw bytes and goes back to line mode.</summary>
    private sealed class SwitchingReceiver : LineReceiver
    {
        private int _rawLeft;

        public SwitchingReceiver() => Delimiter = B("\n");

        public List<string> Lines { get; } = [];

        public List<byte> Raw { get; } = [];

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Lines.Add(S(line));
            if (Lines.Count == 1)
            {
                _rawLeft = int.Parse(S(line[4..]), System.Globalization.CultureInfo.InvariantCulture);
                if (_rawLeft > 0)
                {
                    SetRawMode();
                }
            }
        }

        protected override void RawDataReceived(ReadOnlySpan<byte> data)
        {
            var take = Math.Min(_rawLeft, data.Length);
            Raw.AddRange(data[..take]);
            _rawLeft -= take;
            if (_rawLeft == 0)
            {
                SetLineMode(data[take..]);
            }
        }
    }

    /// <summary>Twisted's <c>ConsumingProtocol</c>: writes each line and pauses itself.</summary>
    private sealed class PausingEchoReceiver : LineReceiver
    {
        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Transport.Write(line);
            PauseProducing();
        }
    }

    /// <summary>Pauses and resumes within each line callback.</summary>
    private sealed class BlinkingReceiver : LineReceiver
    {
        public List<string> Lines { get; } = [];

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Lines.Add(S(line));
            PauseProducing();
            ResumeProducing();
        }
    }

    /// <summary>Twisted's <c>ClearingReceiver</c>.</summary>
    private sealed class ClearingReceiver : LineReceiver
    {
        public string? Line { get; private set; }

        public string? Rest { get; private set; }

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Line = S(line);
            Rest = S(ClearLineBuffer());
        }
    }
}
