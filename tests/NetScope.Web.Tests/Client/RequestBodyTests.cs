using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Testing;
using NetScope.Web.Client;
using NetScope.Web.Http;
using NetScope.Web.Tests.Client.Support;
using static NetScope.Web.Tests.Client.Support.ClientHarness;

namespace NetScope.Web.Tests.Client;

/// <summary>Request bodies: bytes, files and producers, their framing, and producers under flow control.</summary>
public sealed class RequestBodyTests
{
    [Fact]
    public void ASmallBodyGoesOutWithTheHeadInOneWrite()
    {
        var harness = new ClientHarness();
        var headers = new HttpHeaders();
        headers.Add("Content-Type", "application/json");
        harness.Agent.Request("POST", "http://example.test/api", headers, HttpRequestBody.FromBytes("{\"a\":1}"u8.ToArray()));
        var server = harness.Accept(0);

        Assert.Equal(
            $"POST /api HTTP/1.1\r\nHost: example.test\r\nUser-Agent: {HttpAgentOptions.DefaultUserAgent}\r\nAccept: */*\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n{{\"a\":1}}",
            Assert.Single(server.Transport.Writes) is var write ? Encoding.ASCII.GetString(write) : null);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    public void MethodsThatExpectABodySendAnEmptyLengthWithoutOne(string method)
    {
        var harness = new ClientHarness();
        harness.Agent.Request(method, "http://example.test/");

        Assert.EndsWith("\r\nContent-Length: 0\r\n\r\n", harness.Accept(0).TakeWritten());
    }

    [Fact]
    public void ALargeBodyIsStreamedInSlicesThatHonourThePause()
    {
        var harness = new ClientHarness();
        var body = new byte[200_000];
        new Random(7).NextBytes(body);
        var observer = new RecordingObserver();
        harness.Agent.Request("PUT", "http://example.test/blob", body: HttpRequestBody.FromBytes(body), options: new HttpExchangeOptions { Observer = observer });
        var server = harness.Accept(0);

        var head = server.Transport.Writes[0];
        var sent = server.Transport.Writes.Skip(1).SelectMany(write => write).ToArray();
        Assert.EndsWith("\r\nContent-Length: 200000\r\n\r\n", Encoding.ASCII.GetString(head));
        Assert.Equal(body, sent);
        Assert.All(server.Transport.Writes.Skip(1), write => Assert.True(write.Length <= 64 * 1024));
        Assert.Contains("phase RequestSent 0", observer.Events);
        Assert.Null(server.Transport.Producer);
    }

    [Fact]
    public void AFileBodyIsReadInTurnsAndSentWithItsLength()
    {
        var path = Path.GetTempFileName();
        try
        {
            var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 31)).ToArray();
            File.WriteAllBytes(path, content);
            var harness = new ClientHarness();
            var response = harness.Agent.Request("POST", "http://example.test/upload", body: HttpRequestBody.FromFile(path));
            var server = harness.Accept(0);
            Assert.EndsWith("\r\nContent-Length: 300000\r\n\r\n", Encoding.ASCII.GetString(server.Transport.Writes[0]));

            for (var turn = 0; turn < 10 && server.Transport.Producer is not null; turn++)
            {
                harness.Reactor.Advance(0);
            }

            Assert.Equal(content, server.Transport.Writes.Skip(1).SelectMany(write => write).ToArray());
            Assert.Null(server.Transport.Producer);
            server.Send("HTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n");
            Assert.Equal(201, Result(response).StatusCode);
            Assert.NotNull(Result(response).Timings.RequestSent);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AProducerOfUnknownLengthIsSentChunked()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(-1);
        harness.Agent.Request("POST", "http://example.test/stream", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);
        Assert.EndsWith("\r\nTransfer-Encoding: chunked\r\n\r\n", server.TakeWritten());

        producer.Consumer!.Write("Hello"u8);
        producer.Consumer.Write(new byte[20]);
        producer.Done.Callback(null);

        Assert.Equal("5\r\nHello\r\n14\r\n" + new string('\0', 20) + "\r\n0\r\n\r\n", server.TakeWritten());
        Assert.Null(server.Transport.Producer);
    }

    [Fact]
    public void TheConnectionPausesAndResumesTheProducer()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(4);
        harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);

        Assert.Same(producer, server.Transport.Producer);
        Assert.Equal(true, server.Transport.Streaming);
    }

    [Fact]
    public void AProducerThatWritesTooMuchFailsTheRequestAndAbortsTheConnection()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(3);
        var response = harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);

        producer.Consumer!.Write("four"u8);

        Assert.True(producer.Stopped);
        Assert.True(server.Transport.Aborted);
        Assert.Equal("the request body producer wrote more than the 3 bytes it announced", Failure<InvalidOperationException>(response).Message);
    }

    [Fact]
    public void AProducerThatWritesTooLittleFailsTheRequest()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(10);
        var response = harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        harness.Accept(0);

        producer.Consumer!.Write("abc"u8);
        producer.Done.Callback(null);

        Assert.Equal("the request body producer wrote 3 of the 10 bytes it announced", Failure<InvalidOperationException>(response).Message);
    }

    [Fact]
    public void AFailingProducerFailsTheRequestWithItsError()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(-1);
        var response = harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);

        producer.Done.Errback(new IOException("disk went away"));

        Assert.True(server.Transport.Aborted);
        Assert.Equal("disk went away", Failure<IOException>(response).Message);
    }

    [Fact]
    public void AnAnswerBeforeTheWholeBodyStopsTheProducerAndClosesTheConnection()
    {
        var harness = new ClientHarness();
        var producer = new ScriptedProducer(1_000_000);
        var response = harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(producer));
        var server = harness.Accept(0);
        producer.Consumer!.Write(new byte[1000]);

        server.Send("HTTP/1.1 413 Content Too Large\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(413, Result(response).StatusCode);
        Assert.True(producer.Stopped);
        Assert.True(server.Transport.Disconnecting);
        Assert.Equal(0, harness.Agent.Pool.IdleConnectionCount);
    }

    [Fact]
    public void AProducerBodyCannotBeSentTwice()
    {
        var body = HttpRequestBody.FromProducer(new ScriptedProducer(-1));

        Assert.False(body.IsReplayable);
        Assert.True(HttpRequestBody.FromBytes(new byte[1]).IsReplayable);
    }

    [Fact]
    public void Http10RefusesABodyOfUnknownLength()
    {
        var harness = new ClientHarness(new HttpAgentOptions { Version = HttpProtocolVersion.Http10 });

        Assert.Throws<ArgumentException>(() => harness.Agent.Request("POST", "http://example.test/", body: HttpRequestBody.FromProducer(new ScriptedProducer(-1))));
    }

    [Fact]
    public void FileBodyProducerSendsAStreamToItsEndAndPausesBetweenTurns()
    {
        var clock = new Clock();
        var producer = new FileBodyProducer(clock, new MemoryStream(Encoding.ASCII.GetBytes("0123456789")), readSize: 3);
        var consumer = new StringTransport();
        Assert.Equal(10, producer.Length);

        var done = producer.StartProducing(consumer);
        producer.PauseProducing();
        clock.Advance(0);
        Assert.Empty(consumer.Writes);
        producer.ResumeProducing();
        clock.Advance(0);

        Assert.Equal(["012", "345", "678", "9"], consumer.Writes.Select(w => Encoding.ASCII.GetString(w)));
        Assert.True(done.Called);
    }

    /// <summary>A producer driven by the test: it writes when told and fires when told.</summary>
    private sealed class ScriptedProducer : IHttpBodyProducer
    {
        public ScriptedProducer(long length)
        {
            Length = length;
        }

        public long Length { get; }

        public IConsumer? Consumer { get; private set; }

        public Deferred Done { get; } = new();

        public bool Stopped { get; private set; }

        public Deferred StartProducing(IConsumer consumer)
        {
            Consumer = consumer;
            return Done;
        }

        public void PauseProducing()
        {
        }

        public void ResumeProducing()
        {
        }

        public void StopProducing() => Stopped = true;
    }
}
