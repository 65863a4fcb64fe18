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
public sealed partial class HttpRequestParser
{
    private readonly IHttpRequestHandler _handler;
    private readonly HttpParserOptions _options;
    private readonly HeadAccumulator _head = new();
    private readonly BodyDecoder _body;
    private readonly HeaderListBuilder _lines = new();
    private readonly FieldStringCache _strings = new();
    private RequestTarget? _lastTarget;
    private string? _lastUnknownMethod;
    private State _state;

    /// <summary>Creates a parser for one connection.</summary>
    /// <param name="handler">Receives the events.</param>
    /// <param name="options">Limits and leniencies; <see cref="HttpParserOptions.RequestDefaults"/> when omitted.</param>
    public HttpRequestParser(IHttpRequestHandler handler, HttpParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _handler = handler;
        _options = options ?? HttpParserOptions.RequestDefaults;
        _options.Validate();
        _body = new BodyDecoder(_options);
    }

    private enum State
    {
        Head,
        Body,
        Failed,
        Ended,
    }

    /// <summary>Whether part of a request has been received but not all of it.</summary>
    public bool IsMessageInProgress => _state == State.Body || (_state == State.Head && _head.HasData);

    /// <summary>Whether an error was reported; the parser then takes no more input.</summary>
    public bool HasFailed => _state == State.Failed;

    /// <summary>
    /// Parses <paramref name="data"/>, reporting events to the handler as they are found.
    /// </summary>
    /// <param name="data">The next bytes received on the connection.</param>
    /// <returns>
    /// How many bytes were taken: all of them, unless the handler asked to stop after a complete request or
    /// an error was reported. The caller keeps the rest and feeds it again (first) later.
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
                        Fail(status == HeadStatus.StartLineTooLong ? HttpParseErrorKind.RequestLineTooLong : HttpParseErrorKind.HeaderSectionTooLarge);
                        return offset;
                    }

                    if (section.Length <= 2)
                    {
                        // An empty line before the request line (RFC 9112 section 2.2 says to ignore at least one).
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

                    if (head!.BodyFraming == HttpBodyFraming.Chunked)
                    {
                        _body.StartChunked();
                        _state = State.Body;
                    }
                    else if (head.BodyFraming == HttpBodyFraming.ContentLength && head.ContentLength > 0)
                    {
                        _body.StartContentLength(head.ContentLength);
                        _state = State.Body;
                    }

                    _handler.OnRequestHead(head);
                    if (_state == State.Head && !_handler.OnRequestComplete())
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

                            if (!_handler.OnRequestComplete())
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
    /// Tells the parser the connection will deliver no more bytes. A request cut short is reported as
    /// <see cref="HttpParseErrorKind.IncompleteMessage"/>; between requests nothing is reported.
    /// </summary>
    public void FeedEnd()
    {
        if (_state is State.Failed or State.Ended)
        {
            return;
        }

        var cutShort = IsMessageInProgress;
        _state = State.Ended;
        if (cutShort)
        {
            Fail(HttpParseErrorKind.IncompleteMessage);
        }
    }

    private void Fail(HttpParseErrorKind kind)
    {
        _state = State.Failed;
        _head.Reset();
        _body.Reset();
        _handler.OnError(ErrorMessages.Create(kind));
    }
}
