using NetScope.Core.Protocols.Basic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>LineOnlyReceiver, after Twisted's LineOnlyReceiverTests.</summary>
public class LineOnlyReceiverTests
{
    private const string Buffer = "foo\n    bleakness\n    desolation\n    plastic forks\n    ";

    [Fact]
    public void LinesAreTheSameInEveryChunkSize()
    {
        foreach (var chunkSize in AllChunkSizes(Buffer.Length))
        {
            var receiver = new Collector();
            receiver.MakeConnection(new StringTransport());
            Feed(receiver, B(Buffer), chunkSize);
            Assert.Equal(Buffer.Split('\n')[..^1], receiver.Lines);
            Assert.Equal(4, receiver.BufferedLength);
        }
    }

    [Fact]
    public void ALineLongerThanMaxLengthPlusTheDelimiterDropsTheConnection()
    {
        var transport = new StringTransport();
        var receiver = new Collector();
        receiver.MakeConnection(transport);
        receiver.DataReceived(B(new string('x', 64 + 1 + 1) + "\r\nr"));
        Assert.True(transport.Disconnecting);
    }

    [Fact]
    public void ALongCompleteLineGoesAloneToLineLengthExceededAndLaterCompleteLinesAreDropped()
    {
        var receiver = new Collector { KeepConnection = true, MaxLength = 4 };
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B("ok\ntoolong\nlost\ntail"));
        Assert.Equal(["ok"], receiver.Lines);
        Assert.Equal(["toolong"], receiver.TooLong);
        Assert.Equal(4, receiver.BufferedLength);
        receiver.DataReceived(B("\n"));
        Assert.Equal(["ok", "tail"], receiver.Lines);
    }

    [Fact]
    public void LinesAfterTheTransportStartsClosingAreDroppedButTheTailIsKept()
    {
        var transport = new StringTransport();
        var receiver = new Collector { CloseOn = "bye" };
        receiver.MakeConnection(transport);
        receiver.DataReceived(B("a\nbye\nb\nc\npartial"));
        Assert.Equal(["a", "bye"], receiver.Lines);
        Assert.Equal(7, receiver.BufferedLength);
    }

    [Fact]
    public void SendLineWritesLineAndDelimiterTogether()
    {
        var transport = new StringTransport();
        var receiver = new Collector();
        receiver.MakeConnection(transport);
        receiver.SendLine(B("hi"));
        Assert.Equal(["hi\n"], transport.Writes.Select(w => S(w)));
    }

    private sealed class Collector : LineOnlyReceiver
    {
        public Collector()
        {
            Delimiter = B("\n");
            MaxLength = 64;
        }

        public List<string> Lines { get; } = [];

        public List<string> TooLong { get; } = [];

        public bool KeepConnection { get; init; }

        public string? CloseOn { get; init; }

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Lines.Add(S(line));
            if (S(line) == CloseOn)
            {
                Transport.LoseConnection();
            }
        }

        protected override void LineLengthExceeded(ReadOnlySpan<byte> line)
        {
            TooLong.Add(S(line));
            if (!KeepConnection)
            {
                base.LineLengthExceeded(line);
            }
        }
    }
}
