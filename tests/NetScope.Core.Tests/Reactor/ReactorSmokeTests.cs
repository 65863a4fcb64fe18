using System.Net;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;

namespace NetScope.Core.Tests.Reactor;

public class ReactorSmokeTests
{
    private sealed class Echo : Protocol
    {
        public override void DataReceived(ReadOnlySpan<byte> data) => Transport.Write(data);
    }

    private sealed class Client : Protocol
    {
        private readonly MemoryStream _got = new();

        public Deferred<string> Done { get; } = new();

        public override void ConnectionMade() => Transport.Write("hello"u8);

        public override void DataReceived(ReadOnlySpan<byte> data)
        {
            _got.Write(data);
            if (_got.Length >= 5)
            {
                Transport.LoseConnection();
            }
        }

        public override void ConnectionLost(Failure reason) => Done.Callback(Encoding.ASCII.GetString(_got.ToArray()) + "|" + reason.Type.Name);
    }

    [Theory]
    [InlineData(ReactorKind.Portable)]
    [InlineData(ReactorKind.Epoll)]
    public void EchoRoundTripOverLoopback(ReactorKind kind)
    {
        var reactor = Reactors.Create(kind);
        var port = reactor.ListenTcp(0, Factory.ForProtocol(() => new Echo()), bindAddress: "127.0.0.1");
        var client = new Client();
        string? result = null;
        reactor.CallWhenRunning(() =>
        {
            reactor.ConnectTcp("127.0.0.1", ((IPEndPoint)port.GetHost()).Port, new ClientFactory(() => client), 5);
            client.Done.AddCallback(r =>
            {
                result = (string)r!;
                reactor.Stop();
                return null;
            });
        });
        reactor.CallLater(10, reactor.Stop);
        reactor.Run();
        Assert.Equal("hello|ConnectionDoneException", result);
    }
}
