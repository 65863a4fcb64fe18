using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class DeferredRenderingTests
{
    [Fact]
    public void AResourceCanAnswerLaterFromADeferred()
    {
        var work = new Deferred<string>();
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            work.AddCallback(text =>
            {
                request.SetHeader("Content-Type", "text/plain");
                request.Write(text);
                request.Finish();
                return null;
            });
            return RenderResult.NotDoneYet;
        }));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        Assert.Equal(string.Empty, connection.Output);
        work.Callback("computed");

        Assert.Equal("computed", connection.Single().BodyText);
    }

    [Fact]
    public void NotifyFinishFiresWhenTheResponseIsDone()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = resource.Pending[0];
        object? outcome = "not yet";
        request.NotifyFinish().AddBoth(result => outcome = result);

        resource.Answer("x");

        Assert.Null(outcome);
        Assert.Null(request.NotifyFinish().Result);
    }

    [Fact]
    public void AClientThatGoesAwayDuringDeferredRenderingIsReported()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET /slow HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = resource.Pending[0];
        Failure? reason = null;
        request.NotifyFinish().AddErrback(failure =>
        {
            reason = failure;
            return null;
        });

        connection.Lose();

        Assert.True(request.IsDisconnected);
        Assert.IsType<ConnectionDoneException>(reason?.Value);
        request.Write("nobody listens");
        request.Finish();
        Assert.Equal(string.Empty, connection.Output);
        Assert.IsType<ConnectionDoneException>(Assert.IsType<Failure>(request.NotifyFinish().Result).Value);
        var entry = Assert.Single(harness.Log);
        Assert.Equal(("/slow", 0, false), (entry.Target, entry.StatusCode, entry.Completed));
    }

    [Fact]
    public void AClientResetDuringAResponseIsReportedWithItsReason()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
        var request = resource.Pending[0];
        request.Write("started");
        Failure? reason = null;
        request.NotifyFinish().AddErrback(failure =>
        {
            reason = failure;
            return null;
        });

        connection.Lose(new ConnectionResetException("connection reset by peer"));

        Assert.IsType<ConnectionResetException>(reason?.Value);
        var entry = Assert.Single(harness.Log);
        Assert.Equal((200, 7L, false), (entry.StatusCode, entry.BodyBytes, entry.Completed));
    }

    [Fact]
    public void APipelinedRequestBehindALostOneIsNeverRendered()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET /1 HTTP/1.1\r\nHost: h\r\n\r\nGET /2 HTTP/1.1\r\nHost: h\r\n\r\n");

        connection.Lose();
        resource.Pending[0].Finish();

        Assert.Single(resource.Pending);
    }

    [Fact]
    public void AnErrbackCanAnswer500WithProcessingFailed()
    {
        var work = new Deferred();
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            work.AddErrback(request.ProcessingFailed);
            return RenderResult.NotDoneYet;
        }));
        var connection = harness.Connect();
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        work.Errback(new TimeoutException("the backend did not answer"));

        Assert.Equal(500, connection.Parse().Responses[0].Status);
    }

    [Fact]
    public void AProducerWritesTheBodyAndIsPausedByASlowClient()
    {
        var producer = new CountingProducer();
        var harness = new ServerHarness(new LambdaResource(request =>
        {
            producer.Request = request;
            request.RegisterProducer(producer, streaming: true);
            producer.ResumeProducing();
            return RenderResult.NotDoneYet;
        }));
        var connection = harness.Connect();
        connection.Transport.Blocked = true;
        connection.Transport.HighWaterMark = 10_000;

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.True(connection.Transport.ProducerPaused);
        Assert.InRange(producer.Written, 10_000, 11_024);
        connection.Transport.Drain();
        Assert.True(connection.Transport.ProducerPaused, "it writes until the buffer is full again");
        Assert.InRange(producer.Written, 20_000, 21_024);
    }

    private sealed class CountingProducer : NetScope.Core.Transports.IPushProducer
    {
        private bool _paused;

        public Request? Request { get; set; }

        public int Written { get; private set; }

        public void PauseProducing() => _paused = true;

        public void ResumeProducing()
        {
            _paused = false;
            for (var i = 0; i < 1000 && !_paused; i++)
            {
                Request!.Write(new byte[1024]);
                Written += 1024;
            }
        }

        public void StopProducing() => _paused = true;
    }
}
