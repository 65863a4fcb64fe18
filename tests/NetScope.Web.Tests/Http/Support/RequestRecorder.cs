using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>Records what an <see cref="HttpRequestParser"/> reports; consecutive body pieces are merged in the transcript.</summary>
internal sealed class RequestRecorder : IHttpRequestHandler
{
    private readonly List<byte> _currentBody = [];

    public List<string> Events { get; } = [];

    public List<HttpRequestHead> Heads { get; } = [];

    public List<byte[]> Bodies { get; } = [];

    public List<HttpHeaders?> Trailers { get; } = [];

    public HttpParseError? Error { get; private set; }

    public int Completed { get; private set; }

    /// <summary>Whether <see cref="OnRequestComplete"/> asks the parser to stop after each request.</summary>
    public bool StopAfterEachRequest { get; set; }

    public void OnRequestHead(HttpRequestHead head)
    {
        Assert.Null(Error);
        Heads.Add(head);
        Trailers.Add(null);
        _currentBody.Clear();
        Events.Add(Transcript.Describe(head));
    }

    public void OnBody(ReadOnlySpan<byte> data)
    {
        Assert.False(data.IsEmpty, "the parser reported an empty body piece");
        _currentBody.AddRange(data.ToArray());
        var piece = "body " + Transcript.Escape(data);
        if (Events.Count > 0 && Events[^1].StartsWith("body ", StringComparison.Ordinal))
        {
            Events[^1] += Transcript.Escape(data);
        }
        else
        {
            Events.Add(piece);
        }
    }

    public void OnTrailers(HttpHeaders trailers)
    {
        Trailers[^1] = trailers;
        Events.Add(Transcript.DescribeTrailers(trailers));
    }

    public bool OnRequestComplete()
    {
        Completed++;
        Bodies.Add([.. _currentBody]);
        _currentBody.Clear();
        Events.Add("complete");
        return !StopAfterEachRequest;
    }

    public void OnError(HttpParseError error)
    {
        Assert.Null(Error);
        Error = error;
        Events.Add($"error {error.Kind} {error.StatusCode}");
    }
}
