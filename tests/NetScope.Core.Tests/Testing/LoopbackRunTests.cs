using System.Net;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Basic;
using NetScope.Core.Protocols.Classic;
using NetScope.Core.Reactor;
using NetScope.Core.Transports;
using NetScope.Testing.Loopback;

namespace NetScope.Core.Tests.Testing;

/// <summary>The shipped helper that runs two protocols against each other over real loopback TCP.</summary>
public sealed class LoopbackRunTests
{
    public static TheoryData<ReactorKind> Kinds()
    {
        var kinds = new TheoryData<ReactorKind>();
        foreach (var kind in Reactors.Available)
        {
            kinds.Add(kind);
        }

        return kinds;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void ALineClientTalksToTheEchoProtocolOverRealSockets(ReactorKind kind)
    {
        var client = new LineCollector(["one", "two", "three"]);
        var result = LoopbackRun.RunProtocols(new EchoProtocol(), client, kind);
        Assert.Equal(["one", "two", "three"], client.Lines);
        Assert.True(result.ClientLostReason.Check<ConnectionDoneException>());
        Assert.True(result.ServerLostReason.Check<ConnectionDoneException>());
        Assert.Equal(IPAddress.Loopback, result.ListeningAddress.Address);
        Assert.NotEqual(0, result.ListeningAddress.Port);
    }

    [Fact]
    public void AHalfCloseableServerIsToldOfTheClientsFinAndCanStillAnswer()
    {
        var server = new AnswerAtEndOfInput();
        var client = new SendThenHalfClose("count me");
        var result = LoopbackRun.RunProtocols(server, client);
        Assert.Equal("8 bytes", client.Answer.ToString());
        Assert.Equal(["read lost"], server.Events); // its own LoseConnection ends it whole
        Assert.True(result.ServerLostReason.Check<ConnectionDoneException>());
    }

    [Fact]
    public void AProtocolThatNeverClosesIsReportedAsHungAfterTheLimit()
    {
        var exception = Assert.Throws<TimeoutException>(() => LoopbackRun.RunProtocols(new Protocol(), new Protocol(), limit: TimeSpan.FromMilliseconds(300)));
        Assert.Contains("still connected after 0.3 s", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Sends its lines on connect and closes once they have all come back.</summary>
    private sealed class LineCollector : LineReceiver
    {
        private readonly string[] _send;

        public LineCollector(string[] send)
        {
            _send = send;
            Delimiter = "\n"u8.ToArray();
        }

        public List<string> Lines { get; } = new();

        public override void ConnectionMade()
        {
            foreach (var line in _send)
            {
                SendLine(Encoding.ASCII.GetBytes(line));
            }
        }

        protected override void LineReceived(ReadOnlySpan<byte> line)
        {
            Lines.Add(Encoding.ASCII.GetString(line));
            if (Lines.Count == _send.Length)
            {
                Transport.LoseConnection();
            }
        }
    }

    /// <summary>Counts what arrives and answers with the count once the client's FIN arrives.</summary>
    private sealed class AnswerAtEndOfInput : Protocol, IHalfCloseableProtocol
    {
        private int _received;

        public List<string> Events { get; } = new();

        public override void DataReceived(ReadOnlySpan<byte> data) => _received += data.Length;

        public void ReadConnectionLost()
        {
            Events.Add("read lost");
            Transport.Write(Encoding.ASCII.GetBytes($"{_received} bytes"));
            Transport.LoseConnection();
        }

        public void WriteConnectionLost() => Events.Add("write lost");
    }

    /// <summary>Sends a message, half-closes, and keeps reading until the server closes.</summary>
    private sealed class SendThenHalfClose(string message) : Protocol
    {
        public StringBuilder Answer { get; } = new();

        public override void ConnectionMade()
        {
            Transport.Write(Encoding.ASCII.GetBytes(message));
            ((ITcpTransport)Transport).LoseWriteConnection();
        }

        public override void DataReceived(ReadOnlySpan<byte> data) => Answer.Append(Encoding.ASCII.GetString(data));

        public override void ConnectionLost(Failure reason)
        {
        }
    }
}
