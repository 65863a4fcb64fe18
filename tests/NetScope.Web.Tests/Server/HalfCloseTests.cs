using System.Net;
using System.Net.Sockets;
using System.Text;
using NetScope.Web.Server;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Interop;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

/// <summary>
/// A client that sends its requests and then shuts down its sending side (<c>printf … | socat - TCP:…</c>) is still
/// answered, in order, and only then is the connection closed.
/// </summary>
public sealed class HalfCloseTests : IDisposable
{
    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void AFileLookedUpOnThePoolIsServedAfterTheClientFinishedSending()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n");
        connection.EndSending();
        harness.Threads.RunAll();

        var response = connection.Single();
        Assert.Equal((200, "Hello, world!\n"), (response.Status, response.BodyText));
        Assert.True(connection.Transport.ClosedByServer);
        Assert.Equal((200, true), (harness.Log.Single().StatusCode, harness.Log.Single().Completed));
    }

    [Fact]
    public void PipelinedRequestsBeforeTheFinAreAllAnsweredInOrder()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        connection.Send("GET /one HTTP/1.1\r\nHost: h\r\n\r\nGET /two HTTP/1.1\r\nHost: h\r\n\r\n");
        connection.EndSending();
        Assert.False(connection.Transport.ClosedByServer);
        resource.Answer("first");
        resource.Answer("second");

        Assert.Equal(["first", "second"], connection.Responses().Select(r => r.BodyText));
        Assert.True(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void AnIncompleteRequestAtTheFinIsDroppedAndTheConnectionCloses()
    {
        var harness = new ServerHarness(FixedResource.Text("x"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET /half HTTP/1.1\r\nHo");
        connection.EndSending();

        Assert.Equal("x", connection.Single().BodyText);
        Assert.True(connection.Transport.ClosedByServer);
    }

    [Fact]
    public async Task AStaticFileIsServedToARealSocketThatShutDownItsSendingSide()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var answer = await SendAndShutDown(server.Port, "GET /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", answer, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nHello, world!\n", answer, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 14\r\n", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADeferredAnswerAndTheFileAfterItReachARealSocketThatShutDownItsSendingSide()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var answer = await SendAndShutDown(server.Port, "GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");

        var parsed = ResponseReader.Parse(Encoding.Latin1.GetBytes(answer), connectionEnded: true);
        Assert.Null(parsed.Error);
        Assert.False(parsed.Incomplete);
        Assert.Equal([(200, "slow"), (200, "Hello, world!\n")], parsed.Responses.Select(r => (r.Status, r.BodyText)));
    }

    /// <summary>Sends <paramref name="request"/>, shuts down the sending side, and reads until the server closes.</summary>
    private static async Task<string> SendAndShutDown(int port, string request)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), timeout.Token);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request), SocketFlags.None, timeout.Token);
        socket.Shutdown(SocketShutdown.Send);
        var received = new MemoryStream();
        var buffer = new byte[4096];
        for (var read = 1; read > 0;)
        {
            read = await socket.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
            received.Write(buffer, 0, read);
        }

        return Encoding.Latin1.GetString(received.ToArray());
    }
}
