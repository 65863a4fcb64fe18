using System.Text;
using NetScope.Web.Client;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Requests through an HTTP proxy: absolute form for plain requests, CONNECT tunnels otherwise.</summary>
public sealed class ProxyTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    private static readonly string UserAgent = HttpAgentOptions.DefaultUserAgent;

    [Fact]
    public void APlainRequestGoesToTheProxyInAbsoluteForm()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = HttpProxy.Parse("proxy.test:3128") });
        var response = Get(harness.Agent, "http://example.test:8080/a?b");
        var proxy = harness.Accept(0);

        Assert.Equal(("proxy.test", 3128), (proxy.Host, proxy.Port));
        Assert.Equal($"GET http://example.test:8080/a?b HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: {UserAgent}\r\nAccept: */*\r\n\r\n", proxy.TakeWritten());
        proxy.Send(Ok);
        Assert.Equal("http://example.test:8080/a?b", Result(response).Request.Target);
    }

    [Fact]
    public void ProxyCredentialsAreSentAsProxyAuthorization()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = HttpProxy.Parse("http://bob:pw@proxy.test:3128") });
        Get(harness.Agent, "http://example.test/");

        Assert.Contains($"\r\nProxy-Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:pw"))}\r\n", harness.Accept(0).TakeWritten());
    }

    [Fact]
    public void PlainRequestsToDifferentOriginsShareTheProxyConnection()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = HttpProxy.Parse("proxy.test:3128") });
        var first = Get(harness.Agent, "http://one.test/");
        var proxy = harness.Accept(0);
        proxy.Send(Ok);
        Result(Result(first).ReadBody());
        proxy.TakeWritten();

        Get(harness.Agent, "http://two.test/");

        Assert.Equal(1, harness.Attempts);
        Assert.StartsWith("GET http://two.test/ HTTP/1.1\r\nHost: two.test\r\n", proxy.TakeWritten());
    }

    [Fact]
    public void ATunnelIsOpenedWithConnectAndTheRequestFollowsInOriginForm()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = HttpProxy.Parse("http://bob:pw@proxy.test:3128", tunnelAll: true) });
        var observer = new RecordingObserver();
        var response = Get(harness.Agent, "http://example.test/path", options: new HttpExchangeOptions { Observer = observer });
        var proxy = harness.Accept(0);

        Assert.Equal(
            $"CONNECT example.test:80 HTTP/1.1\r\nHost: example.test:80\r\nUser-Agent: {UserAgent}\r\nProxy-Authorization: Basic {Convert.ToBase64String(Encoding.UTF8.GetBytes("bob:pw"))}\r\n\r\n",
            proxy.TakeWritten());
        proxy.Send("HTTP/1.1 200 Connection established\r\n\r\n");

        Assert.Equal($"GET /path HTTP/1.1\r\nHost: example.test\r\nUser-Agent: {UserAgent}\r\nAccept: */*\r\n\r\n", proxy.TakeWritten());
        proxy.Send(Ok);
        Assert.Equal("ok", Encoding.ASCII.GetString(Result(Result(response).ReadBody())));
        Assert.Equal(
            ["head sent CONNECT example.test:80 HTTP/1.1", "head received HTTP/1.1 200 Connection established", "connection reused=False", "head sent GET /path HTTP/1.1"],
            observer.Events.Where(e => e.StartsWith("head", StringComparison.Ordinal) || e.StartsWith("connection", StringComparison.Ordinal)).Take(4));
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void ARefusedTunnelFailsWithTheProxysAnswerAndDropsTheConnection()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = new HttpProxy(NetScope.Web.Http.HttpUrl.Parse("http://proxy.test:3128")) { TunnelAll = true } });
        var response = Get(harness.Agent, "http://example.test/");
        var proxy = harness.Accept(0);

        proxy.Send("HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 5\r\n\r\ndenied");

        var error = Failure<HttpTunnelException>(response);
        Assert.Equal(("the proxy answered CONNECT example.test:80 with 407 Proxy Authentication Required", 407), (error.Message, error.StatusCode));
        Assert.True(proxy.Transport.Aborted);
    }

    [Fact]
    public void TunnelsAreKeptPerOrigin()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Proxy = HttpProxy.Parse("proxy.test:3128", tunnelAll: true) });
        var first = Get(harness.Agent, "http://one.test/");
        var proxy = harness.Accept(0);
        proxy.Send("HTTP/1.1 200 OK\r\n\r\n");
        proxy.Send(Ok);
        Result(Result(first).ReadBody());

        Get(harness.Agent, "http://two.test/");
        Get(harness.Agent, "http://one.test/");

        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public void HttpsProxiesAndBadProxyUrlsAreRefused()
    {
        Assert.Throws<FormatException>(() => HttpProxy.Parse("https://proxy.test"));
        Assert.Throws<FormatException>(() => HttpProxy.Parse("proxy test"));
        Assert.Equal("http://[::1]:3128", HttpProxy.Parse("[::1]:3128").ToString());
    }
}
