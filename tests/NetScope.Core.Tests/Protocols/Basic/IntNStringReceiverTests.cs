using System.Buffers.Binary;
using NetScope.Core.Protocols.Basic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>Int32/Int16/Int8 string receivers, after Twisted's IntNTestCaseMixin.</summary>
public class IntNStringReceiverTests
{
    public static TheoryData<int> PrefixLengths() => [4, 2, 1];

    [Theory]
    [MemberData(nameof(PrefixLengths))]
    public void MessagesAreTheSameInEveryChunkSize(int prefixLength)
    {
        string[] messages = ["a", "b" + new string('c', 40), string.Empty, "hello world", "\0\r\n\u00ff"];
        var input = messages.SelectMany(m => Frame(prefixLength, B(m))).ToArray();
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var receiver = Collector.Create(prefixLength);
            receiver.MakeConnection(new StringTransport());
            Feed(receiver, input, chunkSize);
            Assert.Equal(messages, receiver.Strings);
            Assert.Equal(0, receiver.BufferedLength);
        }
    }

    [Theory]
    [MemberData(nameof(PrefixLengths))]
    public void PartialMessagesAreNotDelivered(int prefixLength)
    {
        // Twisted's partialStrings: a prefix cut short, a payload cut short.
        var full = Frame(prefixLength, B("abcdefgh"));
        for (var cut = 0; cut < full.Length; cut++)
        {
            var receiver = Collector.Create(prefixLength);
            receiver.MakeConnection(new StringTransport());
            Feed(receiver, full.AsSpan(0, cut), 1);
            Assert.Empty(receiver.Strings);
            Assert.Equal(cut, receiver.BufferedLength);
        }
    }

    [Theory]
    [MemberData(nameof(PrefixLengths))]
    public void SendStringWritesPrefixAndPayloadInOneWrite(int prefixLength)
    {
        var transport = new StringTransport();
        var receiver = Collector.Create(prefixLength);
        receiver.MakeConnection(transport);
        receiver.SendString(B(new string('b', 16)));
        Assert.Single(transport.Writes);
        Assert.Equal(Frame(prefixLength, B(new string('b', 16))), transport.Value());
    }

    [Theory]
    [MemberData(nameof(PrefixLengths))]
    public void ALengthAboveMaxLengthGoesToLengthLimitExceeded(int prefixLength)
    {
        var receiver = Collector.Create(prefixLength);
        receiver.MaxLength = 10;
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(Frame(prefixLength, B(new string('x', 11))));
        Assert.Equal([11L], receiver.Exceeded);
        Assert.Empty(receiver.Strings);
    }

    [Fact]
    public void ByDefaultALengthAboveMaxLengthDropsTheConnectionBeforeThePayloadArrives()
    {
        var transport = new StringTransport();
        var receiver = Collector.Create(4, keepConnection: false);
        receiver.MakeConnection(transport);
        var prefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, 4_000_000_000);
        receiver.DataReceived(prefix);
        Assert.True(transport.Disconnecting);
        Assert.Equal(4, receiver.BufferedLength);
    }

    [Fact]
    public void AStringTooLongForThePrefixCannotBeSent()
    {
        var receiver = Collector.Create(2);
        receiver.MakeConnection(new StringTransport());
        Assert.Throws<StringTooLongException>(() => receiver.SendString(new byte[65536]));
        var byteSized = Collector.Create(1);
        byteSized.MakeConnection(new StringTransport());
        Assert.Throws<StringTooLongException>(() => byteSized.SendString(new byte[256]));
        Assert.Equal(255, byteSized.MaxSendLength);
    }

    [Fact]
    public void PausingHoldsCompleteMessagesUntilResumed()
    {
        var transport = new StringTransport();
        var receiver = Collector.Create(4);
        receiver.PauseAfterEach = true;
        receiver.MakeConnection(transport);
        receiver.DataReceived([.. Frame(4, B("one")), .. Frame(4, B("two")), .. Frame(4, B("three"))]);
        Assert.Equal(["one"], receiver.Strings);
        receiver.ResumeProducing();
        Assert.Equal(["one", "two"], receiver.Strings);
        receiver.ResumeProducing();
        receiver.PauseAfterEach = false;
        receiver.ResumeProducing();
        Assert.Equal(["one", "two", "three"], receiver.Strings);
        Assert.Equal(TransportProducerState.Producing, transport.ProducerState);
    }

    [Fact]
    public void ALargeMessageSplitIntoManyReadsArrivesWhole()
    {
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);
        var receiver = Collector.Create(4);
        receiver.MaxLength = payload.Length;
        receiver.MakeConnection(new StringTransport());
        Feed(receiver, Frame(4, payload), 4093);
        Assert.Single(receiver.Payloads);
        Assert.Equal(payload, receiver.Payloads[0]);
    }

    [Fact]
    public void DataFedBackFromACallbackIsParsedAfterTheCurrentInput()
    {
        var receiver = Collector.Create(2);
        receiver.FeedBack = Frame(2, B("injected"));
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived([.. Frame(2, B("first")), .. Frame(2, B("second"))]);
        Assert.Equal(["first", "second", "injected"], receiver.Strings);
    }

    [Fact]
    public void TheNamedReceiversUseTheirPrefixSizes()
    {
        Assert.Equal(4, new Int32Collector().PrefixLength);
        Assert.Equal(2, new Int16Collector().PrefixLength);
        Assert.Equal(1, new Int8Collector().PrefixLength);
        var receiver = new Int32Collector();
        receiver.MakeConnection(new StringTransport());
        Feed(receiver, [.. Frame(4, B("x")), .. Frame(4, B("yz"))], 3);
        Assert.Equal(["x", "yz"], receiver.Strings);
    }

    internal static byte[] Frame(int prefixLength, byte[] payload)
    {
        var frame = new byte[prefixLength + payload.Length];
        switch (prefixLength)
        {
            case 1:
                frame[0] = (byte)payload.Length;
                break;
            case 2:
                BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
                break;
            default:
                BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
                break;
        }

        payload.CopyTo(frame, prefixLength);
        return frame;
    }

    private sealed class Collector : IntNStringReceiver
    {
        private readonly bool _keepConnection;

        private Collector(int prefixLength, bool keepConnection)
            : base(prefixLength)
        {
            _keepConnection = keepConnection;
        }

        public List<string> Strings { get; } = [];

        public List<byte[]> Payloads { get; } = [];

        public List<long> Exceeded { get; } = [];

        public bool PauseAfterEach { get; set; }

        public byte[]? FeedBack { get; set; }

        public static Collector Create(int prefixLength, bool keepConnection = true) => new(prefixLength, keepConnection);

        protected override void StringReceived(ReadOnlySpan<byte> data)
        {
            Strings.Add(S(data));
            Payloads.Add(data.ToArray());
            if (FeedBack is { } feedBack)
            {
                FeedBack = null;
                DataReceived(feedBack);
            }

            if (PauseAfterEach)
            {
                PauseProducing();
            }
        }

        protected override void LengthLimitExceeded(long length)
        {
            Exceeded.Add(length);
            if (!_keepConnection)
            {
                base.LengthLimitExceeded(length);
            }
        }
    }

    private sealed class Int32Collector : Int32StringReceiver
    {
        public List<string> Strings { get; } = [];

        protected override void StringReceived(ReadOnlySpan<byte> data) => Strings.Add(S(data));
    }

    private sealed class Int16Collector : Int16StringReceiver
    {
        protected override void StringReceived(ReadOnlySpan<byte> data)
        {
        }
    }

    private sealed class Int8Collector : Int8StringReceiver
    {
        protected override void StringReceived(ReadOnlySpan<byte> data)
        {
        }
    }
}
