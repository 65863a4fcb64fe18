using System.Text;
using NetScope.Web.Client;
using NetScope.Web.Http;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Kept-alive connections: reuse per origin, the pool's limits, and the retry on a connection found closed.</summary>
public sealed class ConnectionReuseTests
{
    private const string Ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

    [Fact]
    public void ASecondRequestToTheSameOriginReusesTheConnection()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/one");
        var server = harness.Accept(0);
        server.Send(Ok);
        Result(Result(first).ReadBody());
        server.TakeWritten();

        var second = Get(harness.Agent, "http://example.test/two");

        Assert.Equal(1, harness.Attempts);
        Assert.StartsWith("GET /two HTTP/1.1\r\n", server.TakeWritten());
        server.Send(Ok);
        Assert.True(Result(second).Timings.ConnectionReused);
        Assert.Null(Result(second).Timings.Connect);
        Assert.False(Result(first).Timings.ConnectionReused);
    }

    [Fact]
    public void TheConnectionGoesBackToThePoolOnlyOnceTheBodyIsComplete()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nab");

        Get(harness.Agent, "http://example.test/");

        Assert.Equal(2, harness.Attempts);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
        Result(first).DeliverBody(new ListConsumer());
        server.Send("cd");
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA")]
    public void AConnectionTheServerWillNotKeepIsClosedAfterTheResponse(string answer)
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        server.Send(answer);

        Assert.Equal("ok", Encoding.ASCII.GetString(Result(Result(response).ReadBody())));
        Assert.True(server.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
        Get(harness.Agent, "http://example.test/");
        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public void AnHttp10ServerThatAgreesToKeepAliveKeepsTheConnection()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Version = HttpProtocolVersion.Http10 });
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        Assert.Equal($"GET / HTTP/1.0\r\nHost: example.test\r\nUser-Agent: {HttpAgentOptions.DefaultUserAgent}\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n", server.TakeWritten());
        server.Send("HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok");

        Result(Result(response).ReadBody());
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void ANonPersistentPoolAsksForCloseAndKeepsNothing()
    {
        var harness = new ClientHarness(pool: reactor => new HttpConnectionPool(reactor, persistent: false));
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        Assert.Contains("\r\nConnection: close\r\n", server.TakeWritten());
        server.Send(Ok);
        Result(Result(response).ReadBody());

        Assert.True(server.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void DifferentOriginsDoNotShareConnections()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        harness.Accept(0).Send(Ok);
        Result(Result(first).ReadBody());

        Get(harness.Agent, "http://example.test:8080/");
        Get(harness.Agent, "http://other.test/");

        Assert.Equal(3, harness.Attempts);
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void ThePoolKeepsAtMostItsLimitPerOriginAndClosesTheOldest()
    {
        var harness = new ClientHarness(pool: reactor => new HttpConnectionPool(reactor) { MaxPersistentPerHost = 1 });
        var first = Get(harness.Agent, "http://example.test/");
        var second = Get(harness.Agent, "http://example.test/");
        var one = harness.Accept(0);
        var two = harness.Accept(1);

        one.Send(Ok);
        Result(Result(first).ReadBody());
        two.Send(Ok);
        Result(Result(second).ReadBody());

        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
        Assert.True(one.Transport.Disconnecting);
        Assert.False(two.Transport.Disconnecting);
    }

    [Fact]
    public void AnIdleConnectionIsClosedAfterTheCachedConnectionTimeout()
    {
        var harness = new ClientHarness(pool: reactor => new HttpConnectionPool(reactor) { CachedConnectionTimeoutSeconds = 30 });
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send(Ok);
        Result(Result(response).ReadBody());

        harness.Reactor.Advance(29.9);
        Assert.False(server.Transport.Disconnecting);
        harness.Reactor.Advance(0.1);

        Assert.True(server.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void AConnectionTheServerClosesWhileIdleLeavesThePool()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send(Ok);
        Result(Result(response).ReadBody());

        server.Close();

        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
        Get(harness.Agent, "http://example.test/");
        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public void BytesFromTheServerWhileIdleCloseTheConnection()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send(Ok);
        Result(Result(response).ReadBody());

        server.Send("HTTP/1.1 408 Request Timeout\r\n\r\n");

        Assert.True(server.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnIdempotentRequestOnAReusedConnectionThatClosesIsSentAgainOnAFreshOne(bool reset)
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        var stale = harness.Accept(0);
        stale.Send(Ok);
        Result(Result(first).ReadBody());
        stale.TakeWritten();

        var retried = harness.Agent.Request("PUT", "http://example.test/item", body: HttpRequestBody.FromBytes("v"u8.ToArray()));
        Assert.StartsWith("PUT /item HTTP/1.1\r\n", stale.TakeWritten());
        if (reset)
        {
            stale.Reset();
        }
        else
        {
            stale.Close();
        }

        Assert.Equal(2, harness.Attempts);
        var fresh = harness.Accept(1);
        Assert.EndsWith("\r\nContent-Length: 1\r\n\r\nv", fresh.TakeWritten());
        fresh.Send(Ok);
        Assert.Equal(200, Result(retried).StatusCode);
        Assert.False(Result(retried).Timings.ConnectionReused);
    }

    [Fact]
    public void APostOnAReusedConnectionThatClosesIsNotRetried()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        var stale = harness.Accept(0);
        stale.Send(Ok);
        Result(Result(first).ReadBody());

        var post = harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromBytes("x"u8.ToArray()));
        stale.Close();

        Assert.Equal(1, harness.Attempts);
        Assert.Equal("the server closed the connection without sending a response", Failure<HttpResponseException>(post).Message);
    }

    [Fact]
    public void ARequestIsRetriedOnlyOnce()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        var stale = harness.Accept(0);
        stale.Send(Ok);
        Result(Result(first).ReadBody());
        var second = Get(harness.Agent, "http://example.test/");
        stale.Close();

        harness.Accept(1).Close();

        Assert.Equal(2, harness.Attempts);
        Assert.Equal("the server closed the connection without sending a response", Failure<HttpResponseException>(second).Message);
    }

    [Fact]
    public void AFreshConnectionThatClosesWithoutAnswerIsNotRetried()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");

        harness.Accept(0).Close();

        Assert.Equal(1, harness.Attempts);
        Failure<HttpResponseException>(response);
    }

    [Fact]
    public void AConnectionLostAfterTheFirstResponseByteIsNotRetried()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://example.test/");
        var stale = harness.Accept(0);
        stale.Send(Ok);
        Result(Result(first).ReadBody());
        var second = Get(harness.Agent, "http://example.test/");

        stale.Send("HTTP/1.1 2");
        stale.Close();

        Assert.Equal(1, harness.Attempts);
        Assert.Equal("the connection closed in the middle of the response head", Failure<HttpResponseException>(second).Message);
    }

    [Fact]
    public void CloseCachedConnectionsClosesEveryIdleConnection()
    {
        var harness = new ClientHarness();
        var first = Get(harness.Agent, "http://one.test/");
        var second = Get(harness.Agent, "http://two.test/");
        var one = harness.Accept(0);
        var two = harness.Accept(1);
        one.Send(Ok);
        two.Send(Ok);
        Result(Result(first).ReadBody());
        Result(Result(second).ReadBody());

        var closed = harness.Agent.Pool.CloseCachedConnections();

        Assert.True(closed.Called);
        Assert.True(one.Transport.Disconnecting && two.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }
}
