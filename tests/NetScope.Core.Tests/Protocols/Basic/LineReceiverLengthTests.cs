using NetScope.Core.Protocols.Basic;
using NetScope.Testing;
using static NetScope.Core.Tests.Protocols.Feeding;

namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>MaxLength and LineLengthExceeded, after Twisted's LineReceiverLineLengthExceededTests.</summary>
public class LineReceiverLengthTests
{
    private static RecordingLineReceiver Catcher(out StringTransport transport)
    {
        transport = new StringTransport();
        var receiver = new RecordingLineReceiver { MaxLength = 6, KeepConnectionOnLongLines = true };
        receiver.MakeConnection(transport);
        return receiver;
    }

    [Fact]
    public void ALongUnendedLineGoesWholeToLineLengthExceeded()
    {
        var receiver = Catcher(out _);
        var excessive = new string('x', (6 * 2) + 2);
        receiver.DataReceived(B(excessive));
        Assert.Equal([excessive], receiver.TooLong);
        Assert.Equal(0, receiver.BufferedLength);
    }

    [Fact]
    public void ALongLineAfterAShortOneGoesToLineLengthExceededWithoutTheShortOne()
    {
        var receiver = Catcher(out _);
        var excessive = new string('x', (6 * 2) + 2);
        receiver.DataReceived(B("x\r\n" + excessive));
        Assert.Equal(["x"], receiver.Lines);
        Assert.Equal([excessive], receiver.TooLong);
    }

    [Fact]
    public void ALongLineWithADelimiterGoesToLineLengthExceededWithEverythingAfterIt()
    {
        var receiver = Catcher(out _);
        var excessive = string.Join("\r\n", Enumerable.Repeat(new string('x', (6 * 2) + 2), 2));
        receiver.DataReceived(B(excessive));
        Assert.Equal([excessive], receiver.TooLong);
        Assert.Empty(receiver.Lines);
    }

    [Fact]
    public void SeveralLongLinesGoTogetherToLineLengthExceeded()
    {
        var receiver = Catcher(out _);
        var excessive = string.Concat(Enumerable.Repeat(new string('x', (6 * 2) + 2) + "\r\n", 2));
        receiver.DataReceived(B(excessive));
        Assert.Equal([excessive], receiver.TooLong);
    }

    [Fact]
    public void ByDefaultALineLongerThanMaxLengthDropsTheConnection()
    {
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(transport);
        receiver.DataReceived(B(new string('x', LineReceiver.DefaultMaxLength + 1) + "\r\nr"));
        Assert.True(transport.Disconnecting);
        Assert.Empty(receiver.Lines);
    }

    [Fact]
    public void ByDefaultAnUnfinishedLineOfMaxLengthPlusTheDelimiterDropsTheConnection()
    {
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(transport);
        receiver.DataReceived(B(new string('x', LineReceiver.DefaultMaxLength + 2)));
        Assert.True(transport.Disconnecting);
    }

    [Fact]
    public void AnUnfinishedLineEndingWithPartOfTheDelimiterIsGivenTheBenefitOfTheDoubt()
    {
        // Twisted's test_notQuiteMaximumLineLengthUnfinished.
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver();
        receiver.MakeConnection(transport);
        receiver.DataReceived(B(new string('x', LineReceiver.DefaultMaxLength) + "\r"));
        Assert.False(transport.Disconnecting);
        Assert.Equal(LineReceiver.DefaultMaxLength + 1, receiver.BufferedLength);
    }

    [Fact]
    public void ALineOfExactlyMaxLengthWhoseDelimiterArrivesInPiecesIsDelivered()
    {
        // Twisted's test_maximumLineLengthPartialDelimiter.
        var transport = new StringTransport();
        var receiver = new RecordingLineReceiver { MaxLength = 4, Delimiter = B("\n") };
        receiver.MakeConnection(transport);
        var line = new string('x', 3);
        receiver.DataReceived(B(line));
        receiver.DataReceived(B(string.Empty));
        receiver.DataReceived(B("\n" + line));
        Assert.False(transport.Disconnecting);
        Assert.Equal([line], receiver.Lines);
    }

    public static TheoryData<int> LineLengthsAroundTheLimit() => [0, 1, 15, 16, 17, 18];

    [Theory]
    [MemberData(nameof(LineLengthsAroundTheLimit))]
    public void LinesUpToMaxLengthAreDeliveredInEveryChunkSizeAndLongerOnesAreNot(int length)
    {
        var line = new string('y', length);
        var input = B(line + "\r\nnext\r\n");
        foreach (var chunkSize in AllChunkSizes(input.Length))
        {
            var transport = new StringTransport();
            var receiver = new RecordingLineReceiver { MaxLength = 16 };
            receiver.MakeConnection(transport);
            FeedUntilClosing(receiver, transport, input, chunkSize);
            if (length <= 16)
            {
                Assert.Equal([line, "next"], receiver.Lines);
                Assert.False(transport.Disconnecting);
            }
            else
            {
                Assert.Empty(receiver.Lines);
                Assert.True(transport.Disconnecting);
                Assert.Single(receiver.TooLong);
                Assert.StartsWith(line[..17], receiver.TooLong[0], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void BufferedLengthShowsThePartialLineAgainstMaxLength()
    {
        var receiver = new RecordingLineReceiver { MaxLength = 100 };
        receiver.MakeConnection(new StringTransport());
        receiver.DataReceived(B("done\r\npartial"));
        Assert.Equal(7, receiver.BufferedLength);
        Assert.Equal(100, receiver.MaxLength);
        Assert.Equal(LineReceiverMode.Line, receiver.Mode);
    }
}
