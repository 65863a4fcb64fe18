using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;
using static NetScope.Web.Tests.Http.Support.Feeder;

namespace NetScope.Web.Tests.Http;

public sealed class HttpRequestParserPipeliningTests
{
    private const string First = "GET /one HTTP/1.1\r\nHost: x\r\n\r\n";
    private const string Second = "POST /two HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc";
    private const string Third = "PUT /three HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nde\r\n0\r\nT: 1\r\n\r\n";
    private const string Fourth = "GET /four HTTP/1.0\r\n\r\n";

    [Fact]
    public void PipelinedRequestsInOneBufferAreReportedInOrder()
    {
        var run = ParseRequests(First + Second + Third + Fourth);

        Assert.Equal(["/one", "/two", "/three", "/four"], run.Heads.Select(h => h.RawPath));
        Assert.Equal(["", "abc", "de", ""], run.Bodies.Select(b => Encoding.ASCII.GetString(b)));
        Assert.Equal("1", run.Trailers[2]!.Get("T"));
        Assert.Equal(4, run.Completed);
    }

    [Fact]
    public void HandlerThatStopsAfterEachRequestGetsExactlyOneRequestPerFeed()
    {
        var recorder = new RequestRecorder { StopAfterEachRequest = true };
        var parser = new HttpRequestParser(recorder);
        var input = Bytes(First + Second + Third + Fourth);

        var consumedPerFeed = new List<int>();
        var offset = 0;
        while (offset < input.Length)
        {
            var consumed = parser.Feed(input.AsSpan(offset));
            consumedPerFeed.Add(consumed);
            offset += consumed;
            Assert.Equal(consumedPerFeed.Count, recorder.Completed);
        }

        Assert.Equal([First.Length, Second.Length, Third.Length, Fourth.Length], consumedPerFeed);
    }

    [Fact]
    public void StoppingBeforeAnIncompleteRequestLeavesItToTheNextFeed()
    {
        var recorder = new RequestRecorder { StopAfterEachRequest = true };
        var parser = new HttpRequestParser(recorder);
        var partialSecond = Second[..20];

        var first = parser.Feed(Bytes(First + partialSecond));
        var second = parser.Feed(Bytes(partialSecond));
        var third = parser.Feed(Bytes(Second[20..]));

        Assert.Equal((First.Length, 20, Second.Length - 20), (first, second, third));
        Assert.Equal(["/one", "/two"], recorder.Heads.Select(h => h.RawPath));
        Assert.False(parser.IsMessageInProgress);
    }
}
