using System.Globalization;
using System.Text;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary>What each kind of listener sends, seen from a plain socket client.</summary>
public sealed class ListenKindTests
{
    [Fact]
    public async Task RawEchoSendsBackEveryByteAtOnceEvenWithoutALineEnd()
    {
        await using var listener = await RunningListener.StartAsync("echo");
        using var client = await listener.ConnectAsync();
        byte[] bytes = [0x00, 0xff, (byte)'a', (byte)'\r'];

        await client.SendAsync(bytes);
        Assert.Equal(bytes, await client.ReadExactlyAsync(bytes.Length));
        await client.SendAsync("partial");
        client.FinishSending();

        Assert.Equal("partial", await client.ReadTextToEndAsync());
    }

    [Fact]
    public async Task LineEchoSendsBackWholeLinesAsSentAndDropsAnUnfinishedOne()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--line");
        using var client = await listener.ConnectAsync();

        await client.SendAsync("one\r\ntw");
        await client.SendAsync("o\nthree");
        client.FinishSending();

        Assert.Equal("one\r\ntwo\n", await client.ReadTextToEndAsync());
        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (echo, line)", listener.FirstLine);
    }

    [Fact]
    public async Task LineChatRelaysNamedLinesAndAnnouncesArrivals()
    {
        await using var listener = await RunningListener.StartAsync("chat");
        using var alice = await listener.ConnectAsync();
        var aliceName = $"127.0.0.1:{alice.LocalEndPoint.Port}";
        Assert.Equal($"* welcome, you are {aliceName}; nobody else is here. Commands: /nick NAME, /who, /quit\r\n", await alice.ReadLineAsync());

        using var bob = await listener.ConnectAsync();
        var bobName = $"127.0.0.1:{bob.LocalEndPoint.Port}";
        Assert.Equal($"* welcome, you are {bobName}; here: {aliceName}. Commands: /nick NAME, /who, /quit\r\n", await bob.ReadLineAsync());
        Assert.Equal($"* {bobName} joined\r\n", await alice.ReadLineAsync());

        await bob.SendAsync("hello\n");
        Assert.Equal($"<{bobName}> hello\r\n", await alice.ReadLineAsync());
        await alice.SendAsync("/nick alice\r\n");
        Assert.Equal($"* {aliceName} is now alice\r\n", await alice.ReadLineAsync());
        Assert.Equal($"* {aliceName} is now alice\r\n", await bob.ReadLineAsync());
        await alice.SendAsync("hi bob\r\n");
        Assert.Equal("<alice> hi bob\r\n", await bob.ReadLineAsync());
    }

    [Fact]
    public async Task RawChatRelaysBytesUnchangedWithNothingAdded()
    {
        await using var listener = await RunningListener.StartAsync("chat", "--raw");
        using var alice = await listener.ConnectAsync();
        await listener.LineStartingAsync("#1 open ");
        using var bob = await listener.ConnectAsync();
        await listener.LineStartingAsync("#2 open ");

        await bob.SendAsync([0x00, 0x01, (byte)'h', (byte)'i', 0xff]);
        Assert.Equal([0x00, 0x01, (byte)'h', (byte)'i', 0xff], await alice.ReadExactlyAsync(5));
        await alice.SendAsync("no newline");
        Assert.Equal("no newline", Encoding.ASCII.GetString(await bob.ReadExactlyAsync(10)));
        alice.FinishSending();
        await listener.LineStartingAsync("#1 close ");
        bob.FinishSending();

        // Nothing else was relayed: no names, no greetings, no announcement of alice leaving.
        Assert.Equal("", await bob.ReadTextToEndAsync());
        Assert.Equal("", await alice.ReadTextToEndAsync());
        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (chat, raw)", listener.FirstLine);
    }

    [Fact]
    public async Task QotdSendsTheGivenQuoteThenCloses()
    {
        await using var listener = await RunningListener.StartAsync("qotd", "--quote", "Simple is better than complex.");
        using var client = await listener.ConnectAsync();

        Assert.Equal("Simple is better than complex.\r\n", await client.ReadTextToEndAsync());
        Assert.Matches(@"^#1 close 127\.0\.0\.1:\d+ in=0 out=32 \d+\.\d{3}s: ", await listener.LineStartingAsync("#1 close "));
    }

    [Fact]
    public async Task QotdSendsTwistedsQuoteByDefault()
    {
        await using var listener = await RunningListener.StartAsync("qotd");
        using var client = await listener.ConnectAsync();

        Assert.Equal("An apple a day keeps the doctor away.\r\n", await client.ReadTextToEndAsync());
    }

    [Fact]
    public async Task DaytimeSendsTheCurrentUtcTimeAsOneRfc867LineThenCloses()
    {
        await using var listener = await RunningListener.StartAsync("daytime");
        using var client = await listener.ConnectAsync();

        var text = await client.ReadTextToEndAsync();
        var now = TimeProvider.System.GetUtcNow();

        Assert.Matches(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (January|February|March|April|May|June|July|August|September|October|November|December) [1-9]\d?, \d{4} \d\d:\d\d:\d\d-UTC\r\n$", text);
        var sent = DateTimeOffset.ParseExact(text[..^2], "dddd, MMMM d, yyyy HH:mm:ss'-UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        Assert.InRange((now - sent).TotalSeconds, -1, LiveOutput.Bound.TotalSeconds);
    }

    [Fact]
    public async Task ChargenSendsTheRfc864PatternFromItsFirstLine()
    {
        await using var listener = await RunningListener.StartAsync("chargen");
        using var client = await listener.ConnectAsync();

        var first = await client.ReadExactlyAsync(3 * Rfc864.LineBytes);
        Assert.Equal(string.Concat(Rfc864.FirstLines.Select(line => line + "\r\n")), Encoding.ASCII.GetString(first));

        // Past the end of the 95-line cycle, where the pattern wraps round.
        var more = await client.ReadExactlyAsync(200 * Rfc864.LineBytes);
        Assert.Equal(Rfc864.Stream(203 * Rfc864.LineBytes), first.Concat(more).ToArray());
    }

    [Fact]
    public async Task DiscardReadsEverythingAndSendsNothing()
    {
        await using var listener = await RunningListener.StartAsync("discard");
        using var client = await listener.ConnectAsync();

        await client.SendAsync(new byte[100_000]);
        client.FinishSending();

        Assert.Equal("", await client.ReadTextToEndAsync());
        Assert.Matches(@"^#1 close 127\.0\.0\.1:\d+ in=100000 out=0 ", await listener.LineStartingAsync("#1 close "));
    }

    [Fact]
    public async Task FramingIsOnlyOfferedWhereItChangesSomething()
    {
        var both = await CliRun.NetScopeAsync("listen", "echo", "--line", "--raw");
        var qotd = await CliRun.NetScopeAsync("listen", "qotd", "--line");

        Assert.Equal((2, "", "netscope: --line and --raw: choose one\nTry 'netscope listen echo --help' for more information.\n"), (both.ExitCode, both.Stdout, both.Stderr));
        Assert.Equal((2, "", "netscope: unrecognized command or argument '--line'\nTry 'netscope listen qotd --help' for more information.\n"), (qotd.ExitCode, qotd.Stdout, qotd.Stderr));
    }
}
