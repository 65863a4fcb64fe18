using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>One response as a client parsed it.</summary>
internal sealed record ParsedResponse(HttpResponseHead Head, byte[] Body, HttpHeaders? Trailers)
{
    public int Status => Head.StatusCode;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Head.Headers.Get(name);
}

/// <summary>What the bytes a server sent parse into.</summary>
internal sealed class ParsedResponses
{
    public List<ParsedResponse> Responses { get; } = [];

    public List<HttpResponseHead> Interim { get; } = [];

    public HttpParseError? Error { get; set; }

    /// <summary>Bytes left over that do not start a complete response.</summary>
    public bool Incomplete { get; set; }
}

/// <summary>Parses server output with the response parser, telling it the method of each request in turn.</summary>
internal sealed class ResponseReader : IHttpResponseHandler
{
    private readonly ParsedResponses _result = new();
    private readonly List<byte> _body = [];
    private HttpResponseHead? _head;
    private HttpHeaders? _trailers;

    private ResponseReader()
    {
    }

    /// <summary>Parses <paramref name="bytes"/>; <paramref name="methods"/> are the requests' methods in order (GET for the rest).</summary>
    public static ParsedResponses Parse(byte[] bytes, IReadOnlyList<string>? methods = null, bool connectionEnded = false)
    {
        var reader = new ResponseReader();
        var parser = new HttpResponseParser(reader);
        var offset = 0;
        var index = 0;
        for (var rounds = 0; rounds <= bytes.Length + 1 && !parser.HasFailed; rounds++)
        {
            parser.RequestMethod = methods is not null && index < methods.Count ? methods[index] : HttpMethods.Get;
            var before = reader._result.Responses.Count;
            offset += parser.Feed(bytes.AsSpan(offset));
            index += reader._result.Responses.Count - before;
            if (offset == bytes.Length || parser.IsUpgraded)
            {
                break;
            }
        }

        reader._result.Incomplete = parser.IsMessageInProgress;
        if (connectionEnded && !parser.HasFailed)
        {
            // The end of the connection completes a body that runs until close, and cuts anything else short.
            parser.FeedEnd();
            reader._result.Incomplete = reader._result.Error?.Kind == HttpParseErrorKind.IncompleteMessage;
            if (reader._result.Incomplete)
            {
                reader._result.Error = null;
            }
        }

        return reader._result;
    }

    public void OnInformationalResponse(HttpResponseHead head) => _result.Interim.Add(head);

    public void OnResponseHead(HttpResponseHead head)
    {
        _head = head;
        _trailers = null;
        _body.Clear();
    }

    public void OnBody(ReadOnlySpan<byte> data) => _body.AddRange(data.ToArray());

    public void OnTrailers(HttpHeaders trailers) => _trailers = trailers;

    public bool OnResponseComplete()
    {
        _result.Responses.Add(new ParsedResponse(_head!, [.. _body], _trailers));
        return false;
    }

    public void OnError(HttpParseError error) => _result.Error = error;
}
