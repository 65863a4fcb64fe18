using System.Text.Json;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Listen;

/// <summary>
/// What <c>netscope listen</c> prints on stdout: the bound address first, then one line per
/// connection opening and closing with its byte counts; as JSON lines with <c>--json</c>.
/// </summary>
public sealed class ListenOutputTests
{
    [Fact]
    public async Task TheFirstLineIsTheBoundAddressOnLoopbackWithAFreePort()
    {
        await using var listener = await RunningListener.StartAsync("echo");

        Assert.Equal($"listening on 127.0.0.1:{listener.Port} (echo, raw)", listener.FirstLine);
        Assert.NotEqual(0, listener.Port);
        var run = await listener.StopAsync();
        Assert.Equal((0, $"listening on 127.0.0.1:{listener.Port} (echo, raw)\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    [Theory]
    [InlineData("echo", "echo, raw")]
    [InlineData("discard", "discard")]
    [InlineData("chargen", "chargen")]
    [InlineData("daytime", "daytime")]
    [InlineData("qotd", "qotd")]
    [InlineData("chat", "chat, line")]
    public async Task EveryKindNamesItselfAndItsFramingOnTheFirstLine(string kind, string details)
    {
        await using var listener = await RunningListener.StartAsync(kind);

        Assert.Equal($"listening on 127.0.0.1:{listener.Port} ({details})", listener.FirstLine);
    }

    [Fact]
    public async Task AConnectionIsLoggedWhenItOpensAndWhenItClosesWithItsByteCounts()
    {
        await using var listener = await RunningListener.StartAsync("echo");
        using (var client = await listener.ConnectAsync())
        {
            await listener.LineStartingAsync("#1 open ");
            await client.SendAsync("hello\n");
            Assert.Equal("hello\n", await client.ReadLineAsync());
            client.FinishSending();
            Assert.Equal("", await client.ReadTextToEndAsync());
            var clientPort = client.LocalEndPoint.Port;

            var close = await listener.LineStartingAsync("#1 close ");

            Assert.Matches($@"^#1 close 127\.0\.0\.1:{clientPort} in=6 out=6 \d+\.\d{{3}}s: connection closed by peer$", close);
            Assert.Equal($"#1 open 127.0.0.1:{clientPort}", listener.Stdout.Lines[1]);
        }

        var run = await listener.StopAsync();
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Stderr);
        Assert.Equal(3, run.StdoutLines.Count);
    }

    [Fact]
    public async Task ConnectionsAreNumberedInTheOrderTheyArrive()
    {
        await using var listener = await RunningListener.StartAsync("discard");
        using var first = await listener.ConnectAsync();
        await listener.LineStartingAsync("#1 open ");
        using var second = await listener.ConnectAsync();
        await listener.LineStartingAsync("#2 open ");

        await second.SendAsync(new byte[1000]);
        second.FinishSending();
        Assert.Equal("", await second.ReadTextToEndAsync());
        var secondClosed = await listener.LineStartingAsync("#2 close ");
        first.FinishSending();
        Assert.Equal("", await first.ReadTextToEndAsync());
        var firstClosed = await listener.LineStartingAsync("#1 close ");

        Assert.Matches($@"^#2 close 127\.0\.0\.1:{second.LocalEndPoint.Port} in=1000 out=0 \d+\.\d{{3}}s: connection closed by peer$", secondClosed);
        Assert.Matches($@"^#1 close 127\.0\.0\.1:{first.LocalEndPoint.Port} in=0 out=0 \d+\.\d{{3}}s: connection closed by peer$", firstClosed);
    }

    [Fact]
    public async Task JsonPutsEveryEventOnStdoutAsOneObjectPerLine()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--json", "--line");
        Assert.Equal(
            $$"""{"event":"listening","kind":"echo","host":"127.0.0.1","port":{{listener.Port}},"address":"127.0.0.1:{{listener.Port}}","framing":"line"}""",
            listener.FirstLine);

        int clientPort;
        using (var client = await listener.ConnectAsync())
        {
            clientPort = client.LocalEndPoint.Port;
            await client.SendAsync("ping\r\n");
            Assert.Equal("ping\r\n", await client.ReadLineAsync());
        }

        var closed = await listener.Stdout.LineAsync(line => line.Contains("\"close\"", StringComparison.Ordinal), "the close event");
        var run = await listener.StopAsync();

        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal(
            $$"""{"event":"open","id":1,"peer":"127.0.0.1:{{clientPort}}"}""",
            run.StdoutLines[1]);
        using var close = JsonDocument.Parse(closed);
        var root = close.RootElement;
        Assert.Equal(
            ["event", "id", "peer", "bytes_in", "bytes_out", "seconds", "reason"],
            root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(
            ("close", 1, $"127.0.0.1:{clientPort}", 6, 6, "connection closed by peer"),
            (root.GetProperty("event").GetString(), root.GetProperty("id").GetInt32(), root.GetProperty("peer").GetString(),
                root.GetProperty("bytes_in").GetInt64(), root.GetProperty("bytes_out").GetInt64(), root.GetProperty("reason").GetString()));
        Assert.InRange(root.GetProperty("seconds").GetDouble(), 0, LiveOutput.Bound.TotalSeconds);
        Assert.Equal(3, run.StdoutLines.Count);
    }

    [Fact]
    public async Task IPv6HostsAreShownInBrackets()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--host", "::1");
        using var client = await listener.ConnectAsync();
        var open = await listener.LineStartingAsync("#1 open ");

        Assert.Equal($"listening on [::1]:{listener.Port} (echo, raw)", listener.FirstLine);
        Assert.Equal($"#1 open [::1]:{client.LocalEndPoint.Port}", open);
    }

    [Fact]
    public async Task AGivenPortIsTheOneBound()
    {
        // A free port found by binding and releasing it; another test may take it before the
        // listener binds it, so a failed start tries another one (at most three).
        for (var attempt = 1; ; attempt++)
        {
            int port;
            using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
            {
                probe.Start();
                port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
            }

            RunningListener listener;
            try
            {
                listener = await RunningListener.StartAsync("echo", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            catch (Exception) when (attempt < 3)
            {
                continue;
            }

            await using (listener)
            {
                Assert.Equal($"listening on 127.0.0.1:{port} (echo, raw)", listener.FirstLine);
                return;
            }
        }
    }

    [Fact]
    public async Task ChainsRunsTheListenerInAWorkspaceWithTheSameConnectionLog()
    {
        await using var listener = await RunningListener.StartAsync("echo", "--chains");
        int clientPort;
        using (var client = await listener.ConnectAsync())
        {
            clientPort = client.LocalEndPoint.Port;
            await client.SendAsync("x");
            Assert.Equal("x", System.Text.Encoding.ASCII.GetString(await client.ReadExactlyAsync(1)));
        }

        var close = await listener.LineStartingAsync("#1 close ");
        var run = await listener.StopAsync();

        Assert.Matches($@"^#1 close 127\.0\.0\.1:{clientPort} in=1 out=1 \d+\.\d{{3}}s: connection closed by peer$", close);
        Assert.Equal(0, run.ExitCode);
        // The workspace numbers the listener #1, so its first connection is session #2; echo creates no Deferreds.
        Assert.Equal([$"netscope: Deferred chains of #2 echo 127.0.0.1:{clientPort}: none"], run.StderrLines);
    }
}
