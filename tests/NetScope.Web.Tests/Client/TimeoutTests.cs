using NetScope.Core.Defer;
using NetScope.Testing;
using NetScope.Web.Client;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Time limits (on the test clock) and cancellation, at each stage of a request.</summary>
public sealed class TimeoutTests
{
    private static readonly HttpExchangeOptions TwoSeconds = new() { TimeoutSeconds = 2 };

    [Fact]
    public void TheConnectTimeoutIsHandedToTheConnection()
    {
        var harness = new ClientHarness(new HttpAgentOptions { ConnectTimeoutSeconds = 4.5 });

        Get(harness.Agent, "http://example.test/");

        Assert.Equal(4.5, harness.Reactor.TcpClients[0].TimeoutSeconds);
    }

    [Fact]
    public void ARequestStillConnectingWhenTimeRunsOutStopsConnectingAndTimesOut()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/", options: TwoSeconds);

        harness.Reactor.Advance(1.9);
        Assert.False(response.Called);
        harness.Reactor.Advance(0.1);

        Assert.Equal("no response within 2 s", Failure<HttpTimeoutException>(response).Message);
        Assert.Equal(MemoryConnectorState.Disconnected, harness.Reactor.TcpClients[0].Connector.State);
        Assert.True(harness.Reactor.TcpClients[0].Connector.StoppedConnecting);
    }

    [Fact]
    public void ARequestWaitingForItsResponseTimesOutAndAbortsTheConnection()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/", options: TwoSeconds);
        var server = harness.Accept(0);

        harness.Reactor.Advance(2);

        Assert.True(server.Transport.Aborted);
        Assert.Equal("no response within 2 s", Failure<HttpTimeoutException>(response).Message);
    }

    [Fact]
    public void ABodyThatDoesNotCompleteInTimeFailsWithTheTimeout()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/", options: TwoSeconds);
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nslow");
        var body = Result(response).ReadBody();

        harness.Reactor.Advance(2);

        Assert.True(server.Transport.Aborted);
        Assert.Equal("the response body did not complete within 2 s", Failure<HttpTimeoutException>(body).Message);
    }

    [Fact]
    public void ARequestThatCompletesInTimeLeavesNoTimerBehind()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/", options: TwoSeconds);
        harness.Accept(0).Send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        Result(Result(response).ReadBody());

        Assert.DoesNotContain(harness.Reactor.GetDelayedCalls(), call => call.GetTime() <= 2);
    }

    [Fact]
    public void CancellingTheResponseDeferredWhileConnectingStopsTheAttempt()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");

        response.Cancel();

        Failure<CancelledException>(response);
        Assert.True(harness.Reactor.TcpClients[0].Connector.StoppedConnecting);
    }

    [Fact]
    public void CancellingTheResponseDeferredAfterTheRequestWasSentAbortsTheConnection()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        response.Cancel();

        Failure<CancelledException>(response);
        Assert.True(server.Transport.Aborted);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void CancellingReadBodyAbortsTheConnection()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n");
        var body = Result(response).ReadBody();

        body.Cancel();

        Failure<CancelledException>(body);
        Assert.True(server.Transport.Aborted);
    }
}
