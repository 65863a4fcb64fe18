using System.Net;
using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class ServerBasicsTests
{
    [Fact]
    public void AFixedResourceAnswersWithTheWholeResponseInOneWrite()
    {
        var harness = new ServerHarness(FixedResource.Text("Hello, world!"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");

        Assert.Equal(
            "HTTP/1.1 200 OK\r\n"
            + $"Date: {harness.Date}\r\n"
            + "Server: NetScope\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: 13\r\n"
            + "\r\n"
            + "Hello, world!",
            connection.Output);
        Assert.Equal(1, connection.Transport.WriteCalls);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void ARenderedBodyIsSentWithItsLengthAndTheDefaultContentType()
    {
        var root = new Resource();
        root.PutChild("", new BytesResource("<p>hi</p>"));
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(
            $"HTTP/1.1 200 OK\r\nDate: {harness.Date}\r\nServer: NetScope\r\nContent-Length: 9\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>hi</p>",
            connection.Output);
    }

    [Fact]
    public void TheTreeIsWalkedSegmentBySegmentWithPrepathAndPostpathAsInTwisted()
    {
        var leaf = new RecordingLeaf();
        var root = new Resource();
        var a = new Resource();
        root.PutChild("a", a);
        a.PutChild("b c", leaf);
        var harness = new ServerHarness(root);

        harness.Connect().Send("GET /a/b%20c/d/e%2Ff/?x=1&x=2&y HTTP/1.1\r\nHost: h\r\n\r\n");

        var request = Assert.Single(leaf.Requests);
        Assert.Equal(["a", "b c"], request.Prepath);
        Assert.Equal(["d", "e/f", ""], request.Postpath);
        Assert.Equal(["1", "2"], request.Args["x"]);
        Assert.Equal([""], request.Args["y"]);
        Assert.Equal("/a/b c/d/e/f/", request.Path);
        Assert.Equal("/a/b%20c/d/e%2Ff/?x=1&x=2&y", request.Uri);
        Assert.Equal("h", request.Host);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 40000), request.Client);
    }

    [Fact]
    public void AMissingChildIsAnsweredWith404AndTheSlashOfAPlainResourceToo()
    {
        var root = new Resource();
        root.PutChild("there", new TextResource("yes"));
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send("GET /missing HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\nGET /there HTTP/1.1\r\nHost: h\r\n\r\n");

        var responses = connection.Responses();
        Assert.Equal([404, 404, 200], responses.Select(r => r.Status));
        Assert.Contains("No Such Resource", responses[0].BodyText, StringComparison.Ordinal);
        Assert.Equal("yes", responses[2].BodyText);
    }

    [Fact]
    public void AKnownMethodTheResourceDoesNotRenderGets405WithAllow()
    {
        var harness = new ServerHarness(new TextResource("x"));

        var response = harness.Connect().Send("DELETE / HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal(405, response.Status);
        Assert.Equal("GET, HEAD", response.Header("Allow"));
    }

    [Fact]
    public void AnUnknownMethodGets501()
    {
        var harness = new ServerHarness(new TextResource("x"));

        var response = harness.Connect().Send("BREW / HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal(501, response.Status);
        Assert.Contains("BREW", response.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadGetsTheHeadersOfGetWithoutTheBody()
    {
        var harness = new ServerHarness(new TextResource("twelve bytes"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nHEAD / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        var responses = connection.Responses(HttpMethods.Get, HttpMethods.Head, HttpMethods.Get);
        Assert.Equal(3, responses.Count);
        Assert.Equal(responses[0].Head.Headers, responses[1].Head.Headers);
        Assert.Equal("12", responses[1].Header("Content-Length"));
        Assert.Empty(responses[1].Body);
        Assert.Equal("twelve bytes", responses[2].BodyText);
    }

    [Fact]
    public void HeadOnAStreamingResourceSendsNoBodyAndNoChunkedFraming()
    {
        var harness = new ServerHarness(new StreamingResource("a", "b"));
        var connection = harness.Connect();

        connection.Send("HEAD / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.StartsWith(
            $"HTTP/1.1 200 OK\r\nDate: {harness.Date}\r\nServer: NetScope\r\nContent-Type: text/plain\r\n\r\nHTTP/1.1 200 OK\r\n",
            connection.Output,
            StringComparison.Ordinal);
        var responses = connection.Responses(HttpMethods.Head, HttpMethods.Get);
        Assert.Equal("ab", responses[1].BodyText);
    }

    [Fact]
    public void AResourceThatThrowsGets500AndTheConnectionGoesOn()
    {
        var root = new Resource();
        root.PutChild("boom", new ThrowingResource());
        root.PutChild("ok", new TextResource("fine"));
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send("GET /boom HTTP/1.1\r\nHost: h\r\n\r\nGET /ok HTTP/1.1\r\nHost: h\r\n\r\n");

        var responses = connection.Responses();
        Assert.Equal([500, 200], responses.Select(r => r.Status));
        Assert.DoesNotContain("the resource broke", responses[0].BodyText, StringComparison.Ordinal);
        Assert.False(connection.Transport.ClosedByServer);
    }

    [Fact]
    public void AFailureAfterTheHeadWasSentDropsTheConnection()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = Assert.Single(resource.Pending);

        request.Write("partial");
        request.ProcessingFailed(new InvalidOperationException("late"));

        Assert.True(connection.Transport.Aborted);
        Assert.Equal("partial", Encoding.Latin1.GetString(ChunkedPayload(connection.Output)));
    }

    [Fact]
    public void StatusAndHeadersCannotChangeOnceTheHeadIsSent()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = Assert.Single(resource.Pending);
        request.Write("x");

        Assert.Throws<InvalidOperationException>(() => request.SetResponseCode(404));
        Assert.Throws<InvalidOperationException>(() => request.SetHeader("X-Late", "1"));
        request.Finish();
        Assert.Throws<InvalidOperationException>(() => request.Write("more"));
        Assert.Throws<InvalidOperationException>(() => request.Finish());
    }

    [Fact]
    public void CustomStatusReasonAndHeadersAreSentAsSet()
    {
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            request.SetResponseCode(299, "Custom Reason");
            request.AddHeader("Set-Cookie", "a=1");
            request.AddHeader("Set-Cookie", "b=2");
            request.SetHeader("Server", "Mine");
            return "ok"u8.ToArray();
        }));

        var response = harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal((299, "Custom Reason"), (response.Status, response.Head.ReasonPhrase));
        Assert.Equal(["a=1", "b=2"], response.Head.Headers.GetAll("Set-Cookie"));
        Assert.Equal(["Mine"], response.Head.Headers.GetAll("Server"));
    }

    [Fact]
    public void NoContentAndNotModifiedCarryNoBody()
    {
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            request.SetResponseCode(request.Path == "/204" ? 204 : 304);
            return "ignored"u8.ToArray();
        }));
        var connection = harness.Connect();

        connection.Send("GET /204 HTTP/1.1\r\nHost: h\r\n\r\nGET /304 HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(
            $"HTTP/1.1 204 No Content\r\nDate: {harness.Date}\r\nServer: NetScope\r\n\r\n"
            + $"HTTP/1.1 304 Not Modified\r\nDate: {harness.Date}\r\nServer: NetScope\r\n\r\n",
            connection.Output);
    }

    [Fact]
    public void AnAbsoluteFormTargetIsRoutedByItsPathAndItsHostWins()
    {
        var leaf = new RecordingLeaf();
        var root = new Resource();
        root.PutChild("p", leaf);
        var harness = new ServerHarness(root);

        harness.Connect().Send("GET http://target.example:8080/p/q?z=9 HTTP/1.1\r\nHost: other\r\n\r\n");

        var request = Assert.Single(leaf.Requests);
        Assert.Equal(("target.example:8080", "/p/q", "z=9"), (request.Host, request.RawPath, request.Query));
        Assert.Equal(["q"], request.Postpath);
    }

    [Fact]
    public void WithoutAServerNameNoServerHeaderIsSent()
    {
        var harness = new ServerHarness(FixedResource.Text("x"), new SiteOptions { ServerName = null });

        var response = harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.False(response.Head.Headers.Contains("Server"));
    }

    [Fact]
    public void ConnectIsRefusedWith501BecauseTheServerOpensNoTunnels()
    {
        var harness = new ServerHarness(new Web.Server.Listeners.EchoResource());
        var connection = harness.Connect();

        connection.Send("CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n\x16\x03\x01");

        var response = connection.Single(HttpMethods.Connect);
        Assert.Equal((501, "close"), (response.Status, response.Header("Connection")));
        Assert.True(connection.Transport.WriteClosed);
    }

    [Fact]
    public void InvalidSiteOptionsAreRefused()
    {
        var clock = new NetScope.Testing.Clock();
        Assert.Throws<ArgumentOutOfRangeException>(() => new Site(new Resource(), clock, null, new SiteOptions { HeaderTimeout = TimeSpan.Zero }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Site(new Resource(), clock, null, new SiteOptions { DripBytesPerSecond = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Site(new Resource(), clock, null, new SiteOptions { CloseAfterBytes = -1 }));
        Assert.Throws<ArgumentException>(() => new Site(new Resource(), clock, null, new SiteOptions { ServerName = "bad\r\nname" }));
    }

    [Fact]
    public void OpenConnectionsAreCounted()
    {
        var harness = new ServerHarness(new TextResource("x"));
        var first = harness.Connect();
        harness.Connect();

        first.Lose();

        Assert.Equal(1, harness.Site.OpenConnections);
    }

    internal static byte[] ChunkedPayload(string output)
    {
        var body = output[(output.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
        var payload = new List<byte>();
        while (body.Length > 0)
        {
            var lineEnd = body.IndexOf("\r\n", StringComparison.Ordinal);
            var size = Convert.ToInt32(body[..lineEnd], 16);
            payload.AddRange(Encoding.Latin1.GetBytes(body.Substring(lineEnd + 2, Math.Min(size, body.Length - lineEnd - 2))));
            body = body.Length >= lineEnd + 2 + size + 2 ? body[(lineEnd + 2 + size + 2)..] : string.Empty;
            if (size == 0)
            {
                break;
            }
        }

        return [.. payload];
    }

    private sealed class BytesResource(string text) : Resource
    {
        protected override RenderResult RenderGet(Request request) => Encoding.UTF8.GetBytes(text);
    }

    private sealed class RecordingLeaf : Resource
    {
        public List<Request> Requests { get; } = [];

        public override bool IsLeaf => true;

        protected override RenderResult RenderGet(Request request)
        {
            Requests.Add(request);
            return Array.Empty<byte>();
        }
    }
}

/// <summary>A leaf resource that renders GET with a function.</summary>
internal sealed class LambdaResource(Func<Request, RenderResult> render) : Resource
{
    public override bool IsLeaf => true;

    protected override RenderResult RenderGet(Request request) => render(request);
}
