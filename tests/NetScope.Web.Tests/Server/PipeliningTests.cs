using System.Text;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class PipeliningTests
{
    private const string ThreeRequests =
        "GET /1 HTTP/1.1\r\nHost: h\r\n\r\nPOST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhelloGET /3 HTTP/1.1\r\nHost: h\r\n\r\n";

    [Fact]
    public void ALaterRequestIsNotRenderedBeforeTheEarlierResponseIsFinished()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        connection.Send(ThreeRequests);

        Assert.Equal(["/1"], resource.Pending.Select(r => r.Path));
        Assert.Equal(string.Empty, connection.Output);

        resource.Answer("first");
        Assert.Equal(["/2"], resource.Pending.Select(r => r.Path));
        Assert.Equal("hello", new StreamReader(resource.Pending[0].Content).ReadToEnd());

        resource.Answer("second");
        resource.Answer("third");

        Assert.Equal(["first", "second", "third"], connection.Responses().Select(r => r.BodyText));
        Assert.Empty(resource.Pending);
    }

    [Fact]
    public void ResponsesFinishedOutOfOrderByTheirDeferredsStillGoOutInOrder()
    {
        // Each request's answer is held until the test fires its Deferred; the server never starts the
        // next request early, so the second Deferred cannot be fired first.
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("GET /a HTTP/1.1\r\nHost: h\r\n\r\nGET /b HTTP/1.1\r\nHost: h\r\n\r\n");
        var first = resource.Pending[0];
        var finished = first.NotifyFinish();

        harness.Clock.CallLater(5, () => resource.Answer("A"));
        harness.Advance(4);
        Assert.Single(resource.Pending);
        Assert.False(finished.Called);
        harness.Advance(2);

        Assert.True(finished.Called);
        Assert.Equal(["/b"], resource.Pending.Select(r => r.Path));
        resource.Answer("B");
        Assert.Equal(["A", "B"], connection.Responses().Select(r => r.BodyText));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(1000)]
    public void PipelinedRequestsAreAnsweredInOrderInEveryChunkSize(int chunkSize)
    {
        var root = new Resource();
        root.PutChild("1", new TextResource("one"));
        root.PutChild("2", new BodyResource());
        root.PutChild("3", new StreamingResource("th", "ree"));
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send(ThreeRequests, chunkSize);

        Assert.Equal(["one", "5:hello|trailers -", "three"], connection.Responses().Select(r => r.BodyText));
    }

    [Fact]
    public void ReadingPausesWhenTooManyPipelinedBytesWaitAndResumesAfterTheAnswer()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource, new SiteOptions { MaxPipelinedBytes = 100 });
        var connection = harness.Connect();
        var request = "GET / HTTP/1.1\r\nHost: h\r\n\r\n";

        connection.Send(request);
        connection.Send(string.Concat(Enumerable.Repeat(request, 3)));
        Assert.False(connection.Transport.ReadingPaused);
        connection.Send(string.Concat(Enumerable.Repeat(request, 2)));
        Assert.True(connection.Transport.ReadingPaused);

        resource.Answer("1");
        Assert.True(connection.Transport.ReadingPaused, "four requests (108 bytes) still wait");
        resource.Answer("2");
        Assert.False(connection.Transport.ReadingPaused);
        for (var i = 3; i <= 6; i++)
        {
            resource.Answer(i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(["1", "2", "3", "4", "5", "6"], connection.Responses().Select(r => r.BodyText));
    }

    [Fact]
    public void RequestsAfterConnectionCloseAreNeverAnswered()
    {
        var resource = new TextResource("x");
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");
        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(2, resource.Renders);
        Assert.Equal(2, connection.Responses().Count);
    }

    [Fact]
    public void AManyRequestBurstInOnePacketIsAnsweredInOneGo()
    {
        var harness = new ServerHarness(FixedResource.Text("Hello, world!"));
        var connection = harness.Connect();
        var burst = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            burst.Append("GET /").Append(i).Append(" HTTP/1.1\r\nHost: h\r\n\r\n");
        }

        connection.Send(burst.ToString());

        Assert.Equal(100, connection.Responses().Count(r => r.BodyText == "Hello, world!"));
        Assert.Equal(100, harness.Log.Count);
        Assert.Equal("/99", harness.Log[^1].Target);
    }
}
