using System.Net;
using System.Net.Sockets;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// How <c>netscope tcp</c> fails: each cause has its exit code (docs/cli.md) and one line on
/// stderr naming it, with nothing on stdout.
/// </summary>
public sealed class TcpFailureTests
{
    [Fact]
    public async Task ARefusedConnectionExitsThree()
    {
        using var closed = new ClosedPort();
        var port = closed.Port;

        var run = await TcpRun.RunAsync($"127.0.0.1:{port}", "--send", "x");

        Assert.Equal((3, "", $"netscope: connect 127.0.0.1:{port}: connection refused\n"), run.Outcome());
    }

    [Fact]
    public async Task AnUnknownHostExitsFour()
    {
        var run = await TcpRun.RunAsync("no-such-host.invalid:80", "--send", "x");

        Assert.Equal((4, "", "netscope: connect no-such-host.invalid:80: host not found\n"), run.Outcome());
    }

    [Fact]
    public async Task AConnectTimeoutExitsFive()
    {
        // Backlog 0 holds one connection nobody accepts; the kernel drops further SYNs, so the
        // next connect waits for a SYN-ACK that does not come (the first retry is 1 s away).
        using var full = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        full.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        full.Listen(0);
        var port = ((IPEndPoint)full.LocalEndPoint!).Port;
        using var queued = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await queued.ConnectAsync(full.LocalEndPoint!).WaitAsync(LiveOutput.Bound);

        var run = await TcpRun.RunAsync($"127.0.0.1:{port}", "--send", "x", "--timeout", "0.3");

        Assert.Equal((5, "", $"netscope: connect 127.0.0.1:{port}: timed out after 0.3s\n"), run.Outcome());
    }

    [Fact]
    public async Task APeerResetExitsSevenAfterPrintingWhatArrivedFirst()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("about to reset\r\n");
            await peer.ReadLineAsync();
            peer.Reset();
        });

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", @"hi\n", "--linger", "5");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal((7, "about to reset\n", $"netscope: tcp 127.0.0.1:{server.Port}: connection reset by peer\n"), run.Outcome());
    }

    [Fact]
    public async Task APeerResetUnderAPendingExpectationExitsSevenInTheExpectationsWords()
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("not yet\r\n");
            await peer.ReadLineAsync();
            peer.Reset();
        });

        var run = await TcpRun.RunAsync($"127.0.0.1:{server.Port}", "--send", @"hi\n", "--expect", "ready", "--timeout", "10");
        await server.Served.WaitAsync(LiveOutput.Bound);

        Assert.Equal(
            (7, "not yet\n", "netscope: expect /ready/: connection reset by peer before a match (unmatched input: \"not yet\\r\\n\")\n"),
            run.Outcome());
    }

    [Theory]
    [InlineData("localhost", "bad address 'localhost': expected HOST:PORT")]
    [InlineData("localhost:", "bad address 'localhost:': '' is not a port number")]
    [InlineData(":80", "bad address ':80': the host is missing")]
    [InlineData("localhost:http", "bad address 'localhost:http': 'http' is not a port number")]
    [InlineData("localhost:0", "bad address 'localhost:0': port 0 is out of range (1-65535)")]
    [InlineData("127.0.0.1:65536", "bad address '127.0.0.1:65536': port 65536 is out of range (1-65535)")]
    [InlineData("::1:80", "bad address '::1:80': write IPv6 addresses in brackets, like [::1]:80")]
    [InlineData("[::1]80", "bad address '[::1]80': expected [IPV6]:PORT")]
    [InlineData("[example.org]:80", "bad address '[example.org]:80': 'example.org' is not an IPv6 address")]
    public async Task AMalformedAddressIsAUsageError(string target, string message)
    {
        var run = await TcpRun.RunAsync(target, "--send", "x");

        Assert.Equal((2, "", $"netscope: {message}\nTry 'netscope tcp --help' for more information.\n"), run.Outcome());
    }

    [Theory]
    [InlineData(@"\q", @"netscope: --send: unknown escape \q at position 0 of '\q'")]
    [InlineData(@"ab\x4", @"netscope: --send: \x needs two hex digits at position 2 of 'ab\x4'")]
    [InlineData(@"ab\xzz", @"netscope: --send: \x needs two hex digits at position 2 of 'ab\xzz'")]
    [InlineData(@"end\", @"netscope: --send: a lone backslash at the end of 'end\' (write \\ for a backslash)")]
    [InlineData(@"\u{110000}", @"netscope: --send: \u needs a code point like \u{263A} at position 0 of '\u{110000}'")]
    public async Task ABadEscapeInSendIsAUsageError(string text, string message)
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--send", text);

        Assert.Equal((2, "", $"{message}\nTry 'netscope tcp --help' for more information.\n"), run.Outcome());
    }

    [Fact]
    public async Task ABadRegexInExpectIsAUsageError()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--expect", "a(b");

        Assert.Equal(
            (2, "", "netscope: --expect 'a(b': not a valid regular expression (invalid pattern 'a(b' at offset 3. Not enough )'s)\nTry 'netscope tcp --help' for more information.\n"),
            run.Outcome());
    }

    [Fact]
    public async Task AMissingSendFileExitsElevenBeforeConnecting()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-missing-{Guid.NewGuid():N}.txt");

        // Port 9 would refuse: the file is checked first, so its error is the one reported.
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--send", "x", "--send-file", path);

        Assert.Equal((11, "", $"netscope: --send-file {path}: no such file or directory\n"), run.Outcome());
    }

    [Fact]
    public async Task AnUnreadableSendFileExitsEleven()
    {
        // A directory cannot be read as a file, whoever runs the tests (root reads any file).
        var path = Directory.CreateTempSubdirectory("netscope-unreadable-").FullName;
        try
        {
            var run = await TcpRun.RunAsync("127.0.0.1:9", "--send-file", path);

            Assert.Equal((11, "", $"netscope: --send-file {path}: is a directory\n"), run.Outcome());
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageErrorNamingIt()
    {
        var run = await TcpRun.RunAsync("127.0.0.1:9", "--sned", "x");

        Assert.Equal((2, "", "netscope: unrecognized command or argument '--sned'\nTry 'netscope tcp --help' for more information.\n"), run.Outcome());
    }
}
