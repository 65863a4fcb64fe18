using System.Text;
using NetScope.Web.Http;
using NetScope.Web.Server;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>A resource that renders GET with fixed text and counts its renders.</summary>
internal sealed class TextResource(string text, string contentType = "text/plain") : Resource
{
    public int Renders { get; private set; }

    public override bool IsLeaf => true;

    public List<Request> Requests { get; } = [];

    protected override RenderResult RenderGet(Request request)
    {
        Renders++;
        Requests.Add(request);
        request.SetHeader(HttpHeaderNames.ContentType, contentType);
        return Encoding.UTF8.GetBytes(text);
    }
}

/// <summary>A resource that answers later: the test finishes the requests it holds.</summary>
internal sealed class DeferredResource : Resource
{
    public List<Request> Pending { get; } = [];

    public override bool IsLeaf => true;

    public override RenderResult Render(Request request)
    {
        Pending.Add(request);
        return RenderResult.NotDoneYet;
    }

    /// <summary>Answers the oldest held request with <paramref name="text"/>, writing it without a length.</summary>
    public void Answer(string text)
    {
        var request = Pending[0];
        Pending.RemoveAt(0);
        request.Write(text);
        request.Finish();
    }
}

/// <summary>A resource that writes its body in pieces, without a length, so it is sent chunked.</summary>
internal sealed class StreamingResource(params string[] pieces) : Resource
{
    public override bool IsLeaf => true;

    protected override RenderResult RenderGet(Request request)
    {
        request.SetHeader(HttpHeaderNames.ContentType, "text/plain");
        foreach (var piece in pieces)
        {
            request.Write(piece);
        }

        request.Finish();
        return RenderResult.NotDoneYet;
    }
}

/// <summary>A resource whose every render throws.</summary>
internal sealed class ThrowingResource : Resource
{
    public override bool IsLeaf => true;

    public override RenderResult Render(Request request) => throw new InvalidOperationException("the resource broke");
}

/// <summary>A resource that answers POST and PUT with the size and text of the body it got.</summary>
internal sealed class BodyResource : Resource
{
    public List<Request> Requests { get; } = [];

    public override bool IsLeaf => true;

    protected override RenderResult RenderPost(Request request) => Describe(request);

    protected override RenderResult RenderPut(Request request) => Describe(request);

    private RenderResult Describe(Request request)
    {
        Requests.Add(request);
        var body = new MemoryStream();
        request.Content.CopyTo(body);
        var trailers = request.RequestTrailers is { } t ? string.Join(",", t.Select(h => $"{h.Name}={h.Value}")) : "-";
        return RenderResult.FromText($"{body.Length}:{Encoding.UTF8.GetString(body.ToArray())}|trailers {trailers}");
    }
}
