using System.Text;
using NetScope.Testing;
using NetScope.Web.Client;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Response bodies: streaming to a consumer, flow control, and the ways a body ends badly.</summary>
public sealed class ResponseBodyTests
{
    [Fact]
    public void UntilABodyIsDeliveredTheConnectionStopsReading()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nfirst");
        Assert.Equal(TransportProducerState.Paused, server.Transport.ProducerState);

        var consumer = new ListConsumer();
        Result(response).DeliverBody(consumer);

        Assert.Equal(TransportProducerState.Producing, server.Transport.ProducerState);
        server.Send("-last");
        Assert.Equal(["started", "data first", "data -last", "finished"], consumer.Events);
    }

    [Fact]
    public void AConsumerThatPausesGetsNothingUntilItResumes()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");
        var consumer = new ListConsumer { PauseOnData = true };
        Result(response).DeliverBody(consumer);

        server.Send("abc");
        Assert.Equal(TransportProducerState.Paused, server.Transport.ProducerState);
        server.Send("def");
        server.Send("ghi");
        Assert.Equal(["started", "data abc"], consumer.Events);

        consumer.PauseOnData = false;
        consumer.Producer!.ResumeProducing();

        Assert.Equal(["started", "data abc", "data defghi", "finished"], consumer.Events);
        Assert.Equal(1, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void StoppingTheBodyAbortsTheConnection()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc");
        var consumer = new ListConsumer();
        Result(response).DeliverBody(consumer);

        consumer.Producer!.StopProducing();

        Assert.True(server.Transport.Aborted);
        Assert.Equal(["started", "data abc", "failed ConnectionAbortedException: the response body was abandoned"], consumer.Events);
    }

    [Fact]
    public void ABodyCanBeDeliveredOnlyOnce()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        harness.Accept(0).Send("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        Result(Result(response).ReadBody());

        Assert.Throws<InvalidOperationException>(() => Result(response).DeliverBody(new ListConsumer()));
    }

    [Fact]
    public void ABodyCutShortByTheServerSaysHowMuchArrived()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabcde");
        var body = Result(response).ReadBody();

        server.Close();

        Assert.Equal("the connection closed after 5 of 10 body bytes", Failure<HttpResponseException>(body).Message);
    }

    [Fact]
    public void AChunkedBodyCutShortSaysSo()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n");
        var body = Result(response).ReadBody();

        server.Close();

        Assert.Equal("the connection closed before the end of the chunked body (3 bytes received)", Failure<HttpResponseException>(body).Message);
    }

    [Fact]
    public void AResetDuringTheBodyIsReportedAsIs()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc");
        var body = Result(response).ReadBody();

        server.Reset();

        Failure<Core.Errors.ConnectionResetException>(body);
    }

    [Fact]
    public void ABodyThatRunsUntilCloseIsCutShortByAReset()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.0 200 OK\r\n\r\npartial");
        var body = Result(response).ReadBody();

        server.Reset();

        Failure<Core.Errors.ConnectionResetException>(body);
    }

    [Fact]
    public void ABodyThatRunsUntilCloseIsCutShortByTheTimeLimit()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/", options: new HttpExchangeOptions { TimeoutSeconds = 1 });
        var server = harness.Accept(0);
        server.Send("HTTP/1.0 200 OK\r\n\r\npartial");
        var body = Result(response).ReadBody();

        harness.Reactor.Advance(1);

        Failure<HttpTimeoutException>(body);
    }

    [Theory]
    [InlineData("HTTP/1.1 2OO OK\r\n\r\n", "malformed response: ")]
    [InlineData("ICY 200 OK\r\n\r\n", "malformed response: ")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "malformed response: ")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 2\r\n\r\n", "malformed response: ")]
    public void AMalformedHeadFailsTheRequestAndAbortsTheConnection(string answer, string messageStart)
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);

        server.Send(answer);

        Assert.True(server.Transport.Aborted);
        Assert.StartsWith(messageStart, Failure<HttpResponseException>(response).Message);
        Get(harness.Agent, "http://example.test/");
        Assert.Equal(2, harness.Attempts);
    }

    [Fact]
    public void BrokenChunkedFramingFailsTheBody()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        server.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        var body = Result(response).ReadBody();

        server.Send("3\r\nabcX");

        Assert.True(server.Transport.Aborted);
        Assert.StartsWith("malformed response: ", Failure<HttpResponseException>(body).Message);
    }

    [Fact]
    public void ReadBodyCollectsABodyOfUnknownLengthInFull()
    {
        var harness = new ClientHarness();
        var response = Get(harness.Agent, "http://example.test/");
        var server = harness.Accept(0);
        var expected = new StringBuilder();
        server.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
        var body = Result(response).ReadBody();
        for (var i = 0; i < 100; i++)
        {
            var piece = new string((char)('a' + (i % 26)), 1000);
            expected.Append(piece);
            server.Send($"3e8\r\n{piece}\r\n");
        }

        server.Send("0\r\n\r\n");

        Assert.Equal(expected.ToString(), Encoding.ASCII.GetString(Result(body)));
    }
}
