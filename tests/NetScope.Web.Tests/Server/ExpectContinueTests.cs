using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class ExpectContinueTests
{
    private const string Continue = "HTTP/1.1 100 Continue\r\n\r\n";

    [Fact]
    public void ContinueIsSentWhenTheResourceWantsTheBodyAndBeforeTheAnswer()
    {
        var harness = new ServerHarness(new BodyResource());
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");

        Assert.Equal(Continue, connection.Output);
        connection.Send("data");
        var parsed = connection.Parse();
        Assert.Single(parsed.Interim);
        Assert.Equal("4:data|trailers -", Assert.Single(parsed.Responses).BodyText);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void ContinueIsSentForAChunkedBodyToo()
    {
        var harness = new ServerHarness(new BodyResource());
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n");

        Assert.Equal(Continue, connection.Output);
    }

    [Fact]
    public void NoContinueIsSentForARequestWithoutBody()
    {
        var harness = new ServerHarness(new TextResource("ok"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n");

        Assert.Empty(connection.Parse().Interim);
        Assert.Equal("ok", connection.Single().BodyText);
    }

    [Fact]
    public void ABodyNobodyWantsIsRefusedWithTheFinalAnswerAndTheConnectionCloses()
    {
        var root = new Resource();
        root.PutChild("upload", new BodyResource());
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send("POST /elsewhere HTTP/1.1\r\nHost: h\r\nContent-Length: 1000000\r\nExpect: 100-continue\r\n\r\n");

        var parsed = connection.Parse();
        Assert.Empty(parsed.Interim);
        var response = Assert.Single(parsed.Responses);
        Assert.Equal((404, "close"), (response.Status, response.Header("Connection")));
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AMethodTheResourceDoesNotRenderIsRefusedBeforeTheBody()
    {
        var harness = new ServerHarness(new TextResource("get only"));
        var connection = harness.Connect();

        connection.Send("PUT / HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\nExpect: 100-continue\r\n\r\n");

        Assert.Equal(405, connection.Single().Status);
        Assert.DoesNotContain("100 Continue", connection.Output, StringComparison.Ordinal);
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void ATooLargeBodyIsRefusedWith413WithoutContinue()
    {
        var options = new SiteOptions { ParserOptions = new HttpParserOptions { MaxBodyLength = 100 } };
        var harness = new ServerHarness(new BodyResource(), options);
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\nExpect: 100-continue\r\n\r\n");

        Assert.Equal(413, connection.Single().Status);
        Assert.DoesNotContain("100 Continue", connection.Output, StringComparison.Ordinal);
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AnUnknownExpectationGets417()
    {
        var resource = new BodyResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2\r\nExpect: teapot\r\n\r\nhi");

        Assert.Equal(417, connection.Single().Status);
        Assert.Empty(resource.Requests);
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void AnHttp10ExpectationIsIgnored()
    {
        var harness = new ServerHarness(new BodyResource());
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.0\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\nhi");

        Assert.Empty(connection.Parse().Interim);
        Assert.Equal("2:hi|trailers -", connection.Single().BodyText);
    }

    [Fact]
    public void AClientThatSendsTheBodyWithoutWaitingIsServedNormally()
    {
        var harness = new ServerHarness(new BodyResource());
        var connection = harness.Connect();

        connection.Send("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\nabcGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        var parsed = connection.Parse();
        Assert.Single(parsed.Interim);
        Assert.Equal([200, 405], parsed.Responses.Select(r => r.Status));
    }
}
