using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// Turns the bytes a server receives on one connection into requests (RFC 9110 and 9112), without doing
/// any I/O: feed it what arrives, in chunks of any size, and it reports heads, body pieces and the end
/// of each request to an <see cref="IHttpRequestHandler"/>.
/// </summary>
/// <remarks>
/// <para>Only an incomplete head is buffered (in a pooled buffer); a head that arrives whole is parsed in
/// place, and body bytes are handed out as slices of the fed buffer. Header strings are reused from the
/// previous request on the connection when the same bytes arrive again, so a keep-alive client's repeated
/// requests cost three small allocations each.</para>
/// <para>After an error the parser reports nothing more and <see cref="Feed"/> takes no byte: the server
/// answers with <see cref="HttpParseError.StatusCode"/> and closes the connection.</para>
/// <para>CONNECT and Upgrade are the server's decision: once it accepts one, it returns
/// <see langword="false"/> from <see cref="IHttpRequestHandler.OnRequestComplete"/> and stops feeding this parser.</para>
/// </remarks>
public sealed partial class HttpRequestParser : IMessageSink<HttpRequestHead>
{
    private readonly IHttpRequestHandler _handler;
    private readonly MessageReader<HttpRequestHead> _reader;
    private RequestTarget? _lastTarget;
    private string? _lastUnknownMethod;

    /// <summary>Creates a parser for one connection.</summary>
    /// <param name="handler">Receives the events.</param>
    /// <param name="options">Limits and leniencies; <see cref="HttpParserOptions.RequestDefaults"/> when omitted.</param>
    public HttpRequestParser(IHttpRequestHandler handler, HttpParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        options ??= HttpParserOptions.RequestDefaults;
        options.Validate();
        _reader = new MessageReader<HttpRequestHead>(this, options, HttpParseErrorKind.RequestLineTooLong);
    }

    /// <summary>Whether part of a request has been received but not all of it.</summary>
    public bool IsMessageInProgress => _reader.IsMessageInProgress;

    /// <summary>Whether an error was reported; the parser then takes no more input.</summary>
    public bool HasFailed => _reader.HasFailed;

    /// <summary>
    /// Parses <paramref name="data"/>, reporting events to the handler as they are found.
    /// </summary>
    /// <param name="data">The next bytes received on the connection.</param>
    /// <returns>
    /// How many bytes were taken: all of them, unless the handler asked to stop after a complete request or
    /// an error was reported. The caller keeps the rest and feeds it again (first) later.
    /// </returns>
    public int Feed(ReadOnlySpan<byte> data) => _reader.Feed(data);

    /// <summary>
    /// Tells the parser the connection will deliver no more bytes. A request cut short is reported as
    /// <see cref="HttpParseErrorKind.IncompleteMessage"/>; between requests nothing is reported.
    /// </summary>
    public void FeedEnd() => _reader.FeedEnd();

    bool IMessageSink<HttpRequestHead>.OnHead(HttpRequestHead head)
    {
        var hasBody = _reader.StartBody(head.BodyFraming, head.ContentLength);
        _handler.OnRequestHead(head);
        return hasBody || _handler.OnRequestComplete();
    }

    void IMessageSink<HttpRequestHead>.OnBody(ReadOnlySpan<byte> data) => _handler.OnBody(data);

    void IMessageSink<HttpRequestHead>.OnTrailers(HttpHeaders trailers) => _handler.OnTrailers(trailers);

    bool IMessageSink<HttpRequestHead>.OnComplete() => _handler.OnRequestComplete();

    void IMessageSink<HttpRequestHead>.OnError(HttpParseError error) => _handler.OnError(error);
}
