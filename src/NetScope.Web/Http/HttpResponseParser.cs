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
public sealed partial class HttpResponseParser
{
    private readonly IHttpResponseHandler _handler;
    private readonly HttpParserOptions _options;
    private readonly HeadAccumulator _head = new();
    private readonly BodyDecoder _body;
    private readonly HeaderListBuilder _lines = new();
    private readonly FieldStringCache _strings = new();
    private string? _lastReasonPhrase;
    private string _requestMethod = HttpMethods.Get;
    private State _state;

    /// <summary>Creates a parser for one connection.</summary>
    /// <param name="handler">Receives the events.</param>
    /// <param name="options">Limits and leniencies; <see cref="HttpParserOptions.ResponseDefaults"/> when omitted.</param>
    public HttpResponseParser(IHttpResponseHandler handler, HttpParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        _options = options ?? HttpParserOptions.ResponseDefaults;
        _options.Validate();
        _body = new BodyDecoder(_options);
    }

    private enum State
    {
        Head,
        Body,
        Upgraded,
        Failed,
        Ended,
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
    public bool IsMessageInProgress => _state == State.Body || (_state == State.Head && _head.HasData);

    /// <summary>Whether an error was reported; the parser then takes no more input.</summary>
    public bool HasFailed => _state == State.Failed;

    /// <summary>Whether a 101 or a successful CONNECT switched the connection to another protocol.</summary>
    public bool IsUpgraded => _state == State.Upgraded;

    /// <summary>Parses <paramref name="data"/>, reporting events to the handler as they are found.</summary>
    /// <param name="data">The next bytes received on the connection.</param>
    /// <returns>
    /// How many bytes were taken: all of them, unless the handler asked to stop after a complete response,
    /// the connection switched protocols, or an error was reported.
    /// </returns>
    public int Feed(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (true)
        {
            switch (_state)
            {
                case State.Head:
                    if (offset == data.Length)
                    {
                        return offset;
                    }

                    var status = _head.Accumulate(
                        data[offset..], _options.MaxStartLineLength, _options.MaxHeaderSectionLength, hasStartLine: true, out var used, out var section);
                    offset += used;
                    if (status == HeadStatus.NeedMoreData)
                    {
                        return offset;
                    }

                    if (status != HeadStatus.Complete)
                    {
                        Fail(status == HeadStatus.StartLineTooLong ? HttpParseErrorKind.StatusLineTooLong : HttpParseErrorKind.HeaderSectionTooLarge);
                        return offset;
                    }

                    if (section.Length <= 2)
                    {
                        // Some servers send a stray CRLF after a body; skip empty lines as for requests.
                        var bareLineFeed = section.Length == 1 && !_options.AllowBareLineFeed;
                        _head.Reset();
                        if (bareLineFeed)
                        {
                            Fail(HttpParseErrorKind.BareLineFeed);
                            return offset;
                        }

                        continue;
                    }

                    var parsed = TryParseHead(section, out var head, out var error);
                    _head.Reset();
                    if (!parsed)
                    {
                        Fail(error);
                        return offset;
                    }

                    if (!OnHead(head!))
                    {
                        return offset;
                    }

                    break;

                case State.Body:
                    var bodyStatus = _body.Read(data[offset..], out var taken, out var chunk);
                    offset += taken;
                    switch (bodyStatus)
                    {
                        case BodyReadStatus.NeedMoreData:
                            return offset;
                        case BodyReadStatus.Data:
                            _handler.OnBody(chunk);
                            break;
                        case BodyReadStatus.Complete:
                            _state = State.Head;
                            if (_body.Trailers is { } trailers)
                            {
                                _handler.OnTrailers(trailers);
                            }

                            if (!_handler.OnResponseComplete())
                            {
                                return offset;
                            }

                            break;
                        default:
                            Fail(_body.ErrorKind);
                            return offset;
                    }

                    break;

                default:
                    return offset;
            }
        }
    }

    /// <summary>
    /// Tells the parser the connection will deliver no more bytes: a body that runs until close completes;
    /// any other response cut short is reported as <see cref="HttpParseErrorKind.IncompleteMessage"/>.
    /// </summary>
    public void FeedEnd()
    {
        if (_state is State.Failed or State.Ended or State.Upgraded)
        {
            return;
        }

        if (_state == State.Body && _body.IsUntilClose)
        {
            _body.Finish();
            _state = State.Ended;
            _handler.OnResponseComplete();
            return;
        }

        var cutShort = IsMessageInProgress;
        _state = State.Ended;
        if (cutShort)
        {
            Fail(HttpParseErrorKind.IncompleteMessage);
        }
    }

    /// <summary>Reports a parsed head and prepares for its body; returns whether to go on parsing.</summary>
    private bool OnHead(HttpResponseHead head)
    {
        if (head.StatusCode < 200 && head.StatusCode != 101)
        {
            _handler.OnInformationalResponse(head);
            return true;
        }

        var switched = head.StatusCode == 101 || (head.StatusCode < 300 && string.Equals(RequestMethod, HttpMethods.Connect, StringComparison.Ordinal));
        switch (head.BodyFraming)
        {
            case HttpBodyFraming.Chunked:
                _body.StartChunked();
                _state = State.Body;
                break;
            case HttpBodyFraming.ContentLength when head.ContentLength > 0:
                _body.StartContentLength(head.ContentLength);
                _state = State.Body;
                break;
            case HttpBodyFraming.UntilClose:
                _body.StartUntilClose();
                _state = State.Body;
                break;
        }

        _handler.OnResponseHead(head);
        if (_state == State.Body)
        {
            return true;
        }

        if (switched)
        {
            _state = State.Upgraded;
            _handler.OnResponseComplete();
            return false;
        }

        return _handler.OnResponseComplete();
    }

    private void Fail(HttpParseErrorKind kind)
    {
        _state = State.Failed;
        _head.Reset();
        _body.Reset();
        _handler.OnError(ErrorMessages.Create(kind));
    }
}
