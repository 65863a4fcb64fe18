using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// Turns the bytes a client receives on one connection into responses (RFC 9110 and 9112), without doing
/// any I/O. Interim 1xx responses are reported apart from the final one, and the body framing follows
/// RFC 9112 section 6.3, which depends on the request: set <see cref="RequestMethod"/> before feeding the
/// bytes of each response.
/// </summary>
/// <remarks>
/// <para>A body that runs until the connection closes ends with <see cref="FeedEnd"/>.</para>
/// <para>After <c>101 Switching Protocols</c> or a 2xx answer to CONNECT the connection carries another
/// protocol: the parser reports the response as complete, <see cref="Feed"/> returns right after its head,
/// and from then on takes no byte (<see cref="IsUpgraded"/>).</para>
/// <para>Unlike requests, a response whose final transfer coding is not chunked is not an error: its body
/// runs until close (RFC 9112 section 6.3, rule 4). Codings other than chunked are left applied and named
/// in the Transfer-Encoding header.</para>
/// </remarks>
public sealed partial class HttpResponseParser : IMessageSink<HttpResponseHead>
{
    private readonly IHttpResponseHandler _handler;
    private readonly MessageReader<HttpResponseHead> _reader;
    private string? _lastReasonPhrase;
    private string _requestMethod = HttpMethods.Get;

    /// <summary>Creates a parser for one connection.</summary>
    /// <param name="handler">Receives the events.</param>
    /// <param name="options">Limits and leniencies; <see cref="HttpParserOptions.ResponseDefaults"/> when omitted.</param>
    public HttpResponseParser(IHttpResponseHandler handler, HttpParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        options ??= HttpParserOptions.ResponseDefaults;
        options.Validate();
        _reader = new MessageReader<HttpResponseHead>(this, options, HttpParseErrorKind.StatusLineTooLong);
    }

    /// <summary>
    /// The method of the request the next response answers: a response to HEAD has no body, and a 2xx
    /// response to CONNECT opens a tunnel. Defaults to GET.
    /// </summary>
    /// <exception cref="ArgumentNullException">The value is <see langword="null"/>.</exception>
    public string RequestMethod
    {
        get => _requestMethod;
        set => _requestMethod = value ?? throw new ArgumentNullException(nameof(value));
    }

    /// <summary>Whether part of a response has been received but not all of it.</summary>
    public bool IsMessageInProgress => _reader.IsMessageInProgress;

    /// <summary>Whether an error was reported; the parser then takes no more input.</summary>
    public bool HasFailed => _reader.HasFailed;

    /// <summary>Whether a 101 or a successful CONNECT switched the connection to another protocol.</summary>
    public bool IsUpgraded => _reader.IsUpgraded;

    /// <summary>Parses <paramref name="data"/>, reporting events to the handler as they are found.</summary>
    /// <param name="data">The next bytes received on the connection.</param>
    /// <returns>
    /// How many bytes were taken: all of them, unless the handler asked to stop after a complete response,
    /// the connection switched protocols, or an error was reported.
    /// </returns>
    public int Feed(ReadOnlySpan<byte> data) => _reader.Feed(data);

    /// <summary>
    /// Tells the parser the connection will deliver no more bytes: a body that runs until close completes;
    /// any other response cut short is reported as <see cref="HttpParseErrorKind.IncompleteMessage"/>.
    /// </summary>
    public void FeedEnd() => _reader.FeedEnd();

    /// <summary>Reports a parsed head and prepares for its body; returns whether to go on parsing.</summary>
    bool IMessageSink<HttpResponseHead>.OnHead(HttpResponseHead head)
    {
        if (head.StatusCode < 200 && head.StatusCode != 101)
        {
            _handler.OnInformationalResponse(head);
            return true;
        }

        var switched = head.StatusCode == 101 || (head.StatusCode < 300 && string.Equals(RequestMethod, HttpMethods.Connect, StringComparison.Ordinal));
        var hasBody = _reader.StartBody(head.BodyFraming, head.ContentLength);
        _handler.OnResponseHead(head);
        if (hasBody)
        {
            return true;
        }

        if (switched)
        {
            _reader.Upgrade();
            _handler.OnResponseComplete();
            return false;
        }

        return _handler.OnResponseComplete();
    }

    void IMessageSink<HttpResponseHead>.OnBody(ReadOnlySpan<byte> data) => _handler.OnBody(data);

    void IMessageSink<HttpResponseHead>.OnTrailers(HttpHeaders trailers) => _handler.OnTrailers(trailers);

    bool IMessageSink<HttpResponseHead>.OnComplete() => _handler.OnResponseComplete();

    void IMessageSink<HttpResponseHead>.OnError(HttpParseError error) => _handler.OnError(error);
}
