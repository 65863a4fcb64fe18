namespace NetScope.Web.Http;

/// <summary>
/// Receives what an <see cref="HttpRequestParser"/> finds, in order: for each request one
/// <see cref="OnRequestHead"/>, any number of <see cref="OnBody"/>, at most one <see cref="OnTrailers"/>, then
/// <see cref="OnRequestComplete"/>; or, at any point, one final <see cref="OnError"/>.
/// </summary>
/// <remarks>Callbacks run inside <see cref="HttpRequestParser.Feed"/>; they must not call <c>Feed</c> again.</remarks>
public interface IHttpRequestHandler
{
    /// <summary>A request line and header section were parsed.</summary>
    /// <param name="head">The head; the handler may keep it.</param>
    void OnRequestHead(HttpRequestHead head);

    /// <summary>A piece of the body arrived, with the transfer coding removed.</summary>
    /// <param name="data">Body bytes, valid only during the call (they point into the fed buffer).</param>
    void OnBody(ReadOnlySpan<byte> data);

    /// <summary>A chunked body ended with trailer fields (not called when there were none).</summary>
    /// <param name="trailers">The trailer fields, kept apart from the header fields as RFC 9110 section 6.5 asks.</param>
    void OnTrailers(HttpHeaders trailers);

    /// <summary>The request, body included, is complete.</summary>
    /// <returns>
    /// <see langword="true"/> to go on parsing the bytes that follow in the same <c>Feed</c> call (pipelined
    /// requests); <see langword="false"/> to make <c>Feed</c> return right after this request, so that a server
    /// answers requests strictly in order and feeds the rest (or hands it to a tunnel or an upgraded protocol) later.
    /// </returns>
    bool OnRequestComplete();

    /// <summary>The input is not acceptable HTTP; the parser accepts nothing more.</summary>
    /// <param name="error">What was wrong, with the status to answer before closing.</param>
    void OnError(HttpParseError error);
}
