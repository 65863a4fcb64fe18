namespace NetScope.Web.Http;

/// <summary>
/// Receives what an <see cref="HttpResponseParser"/> finds, in order: any number of
/// <see cref="OnInformationalResponse"/>, then one <see cref="OnResponseHead"/>, any number of
/// <see cref="OnBody"/>, at most one <see cref="OnTrailers"/>, then <see cref="OnResponseComplete"/>; or, at
/// any point, one final <see cref="OnError"/>.
/// </summary>
/// <remarks>Callbacks run inside <see cref="HttpResponseParser.Feed"/> or <see cref="HttpResponseParser.FeedEnd"/>; they must not feed again.</remarks>
public interface IHttpResponseHandler
{
    /// <summary>An interim 1xx response other than 101 arrived (for example 100 Continue or 103 Early Hints).</summary>
    /// <param name="head">The interim head; the final response follows.</param>
    void OnInformationalResponse(HttpResponseHead head);

    /// <summary>The final status line and header section were parsed (101 Switching Protocols counts as final).</summary>
    /// <param name="head">The head; the handler may keep it.</param>
    void OnResponseHead(HttpResponseHead head);

    /// <summary>A piece of the body arrived, with the chunked coding removed.</summary>
    /// <param name="data">Body bytes, valid only during the call.</param>
    void OnBody(ReadOnlySpan<byte> data);

    /// <summary>A chunked body ended with trailer fields (not called when there were none).</summary>
    /// <param name="trailers">The trailer fields.</param>
    void OnTrailers(HttpHeaders trailers);

    /// <summary>The response, body included, is complete.</summary>
    /// <returns>
    /// <see langword="true"/> to go on parsing the bytes that follow in the same <c>Feed</c> call;
    /// <see langword="false"/> to make <c>Feed</c> return right after this response. Ignored after a 101 or a
    /// successful CONNECT, after which the parser always stops (the bytes that follow belong to another protocol).
    /// </returns>
    bool OnResponseComplete();

    /// <summary>The input is not acceptable HTTP; the parser accepts nothing more.</summary>
    /// <param name="error">What was wrong.</param>
    void OnError(HttpParseError error);
}
