using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>Records what an <see cref="HttpResponseParser"/> reports; consecutive body pieces are merged in the transcript.</summary>
internal sealed class ResponseRecorder : IHttpResponseHandler
{
    private readonly List<byte> _currentBody = [];

    public List<string> Events { get; } = [];

    public List<HttpResponseHead> Interim { get; } = [];

    public List<HttpResponseHead> Heads { get; } = [];

    public List<byte[]> Bodies { get; } = [];

    public List<HttpHeaders?> Trailers { get; } = [];

    public HttpParseError? Error { get; private set; }

    public int Completed { get; private set; }

    public bool StopAfterEachResponse { get; set; }

    public void OnInformationalResponse(HttpResponseHead head)
    {
        Interim.Add(head);
        Events.Add(Transcript.Describe(head, "interim"));
    }

    public void OnResponseHead(HttpResponseHead head)
    {
        Assert.Null(Error);
        Heads.Add(head);
        Trailers.Add(null);
        _currentBody.Clear();
        Events.Add(Transcript.Describe(head, "head"));
    }

    public void OnBody(ReadOnlySpan<byte> data)
    {
        Assert.False(data.IsEmpty, "the parser reported an empty body piece");
        _currentBody.AddRange(data.ToArray());
        if (Events.Count > 0 && Events[^1].StartsWith("body ", StringComparison.Ordinal))
        {
            Events[^1] += Transcript.Escape(data);
        }
        else
        {
            Events.Add("body " + Transcript.Escape(data));
        }
    }

    public void OnTrailers(HttpHeaders trailers)
    {
        Trailers[^1] = trailers;
        Events.Add(Transcript.DescribeTrailers(trailers));
    }

    public bool OnResponseComplete()
    {
        Completed++;
        Bodies.Add([.. _currentBody]);
        _currentBody.Clear();
        Events.Add("complete");
        return !StopAfterEachResponse;
    }

    public void OnError(HttpParseError error)
    {
        Assert.Null(Error);
        Error = error;
        Events.Add($"error {error.Kind} {error.StatusCode}");
    }
}
