using System.Net;
using NetScope.Core.Protocols.Classic;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols.Classic;

public class ChatTests
{
    private const string Commands = "Commands: /nick NAME, /who, /quit";

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void ThreeClientsTalkPickNicksAndSeeArrivalsAndDepartures(int chunkSize)
    {
        var room = new ChatFactory();
        var pairs = new List<ConnectedPair>();
        LineCollector Join(int port)
        {
            var client = new LineCollector();
            var pair = ConnectedPair.Connect(room, client, greet: false, clientAddress: new IPEndPoint(IPAddress.Loopback, port));
            pair.ChunkSize = chunkSize;
            pairs.Add(pair);
            ConnectedPair.FlushAll(pairs);
            return client;
        }

        var alice = Join(50001);
        var bob = Join(50002);
        var carol = Join(50003);

        alice.Say("/nick alice");
        ConnectedPair.FlushAll(pairs);
        bob.Say("hello, room", ending: "\n");
        ConnectedPair.FlushAll(pairs);
        carol.Say("/nick ALICE");
        carol.Say("/who");
        ConnectedPair.FlushAll(pairs);
        bob.Say("/quit");
        ConnectedPair.FlushAll(pairs);
        carol.Say("bye");
        ConnectedPair.FlushAll(pairs);

        Assert.Equal(
        [
            $"* welcome, you are 127.0.0.1:50001; nobody else is here. {Commands}",
            "* 127.0.0.1:50002 joined",
            "* 127.0.0.1:50003 joined",
            "* 127.0.0.1:50001 is now alice",
            "<127.0.0.1:50002> hello, room",
            "* 127.0.0.1:50002 left",
            "<127.0.0.1:50003> bye",
        ], alice.Lines);
        Assert.Equal(
        [
            $"* welcome, you are 127.0.0.1:50002; here: 127.0.0.1:50001. {Commands}",
            "* 127.0.0.1:50003 joined",
            "* 127.0.0.1:50001 is now alice",
        ], bob.Lines);
        Assert.Equal(
        [
            $"* welcome, you are 127.0.0.1:50003; here: 127.0.0.1:50001, 127.0.0.1:50002. {Commands}",
            "* 127.0.0.1:50001 is now alice",
            "<127.0.0.1:50002> hello, room",
            "* ALICE is taken",
            "* here: alice, 127.0.0.1:50002, 127.0.0.1:50003",
            "* 127.0.0.1:50002 left",
        ], carol.Lines);
        Assert.NotNull(bob.Lost);
        Assert.Equal(["alice", "127.0.0.1:50003"], room.Members.Select(m => m.Name));
    }

    [Fact]
    public void AnInvalidNickIsRefused()
    {
        var room = new ChatFactory();
        var client = new LineCollector();
        var pair = ConnectedPair.Connect(room, client);
        client.Say("/nick " + new string('n', ChatProtocol.MaxNickLength + 1));
        client.Say("/nick two words");
        pair.Flush();
        Assert.Equal(
        [
            "* invalid nick: use 1 to 32 characters without spaces",
            "* invalid nick: use 1 to 32 characters without spaces",
        ], client.Lines[1..]);
    }

    [Fact]
    public void RawModeRelaysBytesUnchangedToEveryoneElseWithoutAnnouncements()
    {
        var room = new ChatFactory(FramingMode.Raw);
        var clients = Enumerable.Range(0, 3).Select(_ => new AccumulatingProtocol()).ToList();
        var pairs = clients.Select((c, i) => ConnectedPair.Connect(room, c, clientAddress: new IPEndPoint(IPAddress.Loopback, 40000 + i))).ToList();
        ConnectedPair.FlushAll(pairs);
        byte[] payload = [0, 13, 10, 255, (byte)'/', (byte)'q', (byte)'u', (byte)'i', (byte)'t', 10];
        clients[1].Transport.Write(payload);
        ConnectedPair.FlushAll(pairs);
        Assert.Equal(payload, clients[0].Data);
        Assert.Empty(clients[1].Data);
        Assert.Equal(payload, clients[2].Data);

        clients[0].Transport.LoseConnection();
        ConnectedPair.FlushAll(pairs);
        Assert.Equal(payload, clients[2].Data);
        Assert.Equal(2, room.Members.Count);
    }
}
