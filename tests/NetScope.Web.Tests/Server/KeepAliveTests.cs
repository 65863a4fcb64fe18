using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class KeepAliveTests
{
    [Fact]
    public void AnHttp11ConnectionCarriesRequestAfterRequest()
    {
        var resource = new TextResource("ok");
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        for (var i = 0; i < 5; i++)
        {
            connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        }

        Assert.Equal(5, connection.Responses().Count(r => r.Status == 200 && r.BodyText == "ok" && r.Head.KeepAlive));
        Assert.DoesNotContain("Connection:", connection.Output, StringComparison.Ordinal);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void ConnectionCloseIsAnsweredWithConnectionCloseAndTheConnectionEnds()
    {
        var harness = new ServerHarness(new TextResource("ok"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        var response = connection.Single();
        Assert.Equal("close", response.Header("Connection"));
        Assert.True(connection.Transport.WriteClosed, "the server should half-close after the last answer");
        Assert.False(connection.Transport.Disconnecting, "the server lingers before closing for good");

        harness.Advance(2.5);

        Assert.True(connection.Transport.Disconnecting);
    }

    [Fact]
    public void AnHttp10RequestClosesUnlessItAsksForKeepAlive()
    {
        var harness = new ServerHarness(new TextResource("ok"));
        var plain = harness.Connect().Send("GET / HTTP/1.0\r\n\r\n");
        var keptAlive = harness.Connect().Send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

        Assert.Equal("close", plain.Single().Header("Connection"));
        Assert.True(plain.Transport.WriteClosed);
        var responses = keptAlive.Responses();
        Assert.Equal(2, responses.Count);
        Assert.All(responses, r => Assert.Equal("keep-alive", r.Header("Connection")));
        Assert.All(responses, r => Assert.Equal(HttpProtocolVersion.Http11, r.Head.Version));
        Assert.False(keptAlive.Transport.ClosedByServer);
    }

    [Fact]
    public void AnHttp10ResponseOfUnknownLengthRunsUntilTheConnectionCloses()
    {
        var harness = new ServerHarness(new StreamingResource("one ", "two"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");

        Assert.Equal(
            $"HTTP/1.1 200 OK\r\nDate: {harness.Date}\r\nServer: NetScope\r\nConnection: close\r\nContent-Type: text/plain\r\n\r\none two",
            connection.Output);
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AResourceCanEndTheConnectionWithConnectionClose()
    {
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            request.SetHeader("Connection", "close");
            return "bye"u8.ToArray();
        }));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(["close"], connection.Single().Head.Headers.GetAll("Connection"));
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AnIdleKeptAliveConnectionIsClosedSilentlyAfterTheIdleTimeout()
    {
        var harness = new ServerHarness(new TextResource("ok"), new SiteOptions { IdleTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var answered = connection.Output;

        harness.Advance(9);
        Assert.False(connection.Transport.ClosedByServer);
        harness.Advance(1.5);

        Assert.True(connection.Transport.ClosedByServer);
        Assert.Equal(answered, connection.Output);
    }

    [Fact]
    public void EachRequestRestartsTheIdleTimeout()
    {
        var harness = new ServerHarness(new TextResource("ok"), new SiteOptions { IdleTimeout = TimeSpan.FromSeconds(10) });
        var connection = harness.Connect();

        for (var i = 0; i < 5; i++)
        {
            connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
            harness.Advance(8);
        }

        Assert.False(connection.Transport.ClosedByServer);
        Assert.Equal(5, connection.Responses().Count);
    }

    [Fact]
    public void TheLengthSentIsTheLengthDeclaredAndAShortBodyEndsTheConnection()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = resource.Pending[0];

        request.SetHeader("Content-Length", "10");
        request.Write("12345");
        request.Finish();

        Assert.EndsWith("Content-Length: 10\r\nContent-Type: text/html; charset=utf-8\r\n\r\n12345", connection.Output, StringComparison.Ordinal);
        Assert.True(connection.Transport.WriteClosed);
        Assert.Single(resource.Pending);
        Assert.False(Assert.Single(harness.Log).Completed);
    }

    [Fact]
    public void BytesBeyondTheDeclaredLengthAreNotSent()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = resource.Pending[0];

        request.SetHeader("Content-Length", "3");
        request.Write("abcdef");
        request.Finish();

        Assert.Equal("abc", connection.Single().BodyText);
        Assert.EndsWith("\r\n\r\nabc", connection.Output, StringComparison.Ordinal);
        Assert.True(connection.Transport.WriteClosed);
    }
}
