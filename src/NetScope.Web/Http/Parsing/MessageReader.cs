namespace NetScope.Web.Http.Parsing;

/// <summary>
/// The message framing that requests and responses share (RFC 9112 sections 2, 5 and 6): accumulate a head,
/// skip the empty lines allowed before one, hand the complete head to the message's own parser, then
/// decode the body it announces. The start line and what the fields mean stay with the parser
/// (<see cref="IMessageSink{THead}"/>); the helpers for the parts of a head they share live here too.
/// </summary>
/// <typeparam name="THead">The parsed head.</typeparam>
internal sealed class MessageReader<THead>
    where THead : class
{
    private readonly IMessageSink<THead> _sink;
    private readonly HttpParserOptions _options;
    private readonly HttpParseErrorKind _startLineTooLong;
    private readonly HeadAccumulator _head = new();
    private readonly BodyDecoder _body;
    private readonly FieldStringCache _strings = new();
    private State _state;

    /// <param name="sink">The message's parser, which receives the events.</param>
    /// <param name="options">Limits and leniencies, already validated.</param>
    /// <param name="startLineTooLong">The error for a start line over <see cref="HttpParserOptions.MaxStartLineLength"/>.</param>
    public MessageReader(IMessageSink<THead> sink, HttpParserOptions options, HttpParseErrorKind startLineTooLong)
    {
        _sink = sink;
        _options = options;
        _startLineTooLong = startLineTooLong;
        _body = new BodyDecoder(options);
    }

    private enum State
    {
        Head,
        Body,
        Upgraded,
        Failed,
        Ended,
    }

    /// <summary>The field lines of the head being parsed (filled by <see cref="TryReadFields"/>).</summary>
    public HeaderListBuilder Lines { get; } = new();

    /// <summary>Whether part of a message has been received but not all of it.</summary>
    public bool IsMessageInProgress => _state == State.Body || (_state == State.Head && _head.HasData);

    /// <summary>Whether an error was reported; no more input is taken.</summary>
    public bool HasFailed => _state == State.Failed;

    /// <summary>Whether the connection switched to another protocol (<see cref="Upgrade"/>).</summary>
    public bool IsUpgraded => _state == State.Upgraded;

    /// <summary>Parses <paramref name="data"/>, reporting events to the sink as they are found.</summary>
    /// <returns>How many bytes were taken: all of them, unless the sink asked to stop or an error was reported.</returns>
    public int Feed(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (true)
        {
            switch (_state)
            {
                case State.Head:
                    if (offset == data.Length || !ReadHead(data, ref offset))
                    {
                        return offset;
                    }

                    break;

                case State.Body:
                    if (!ReadBody(data, ref offset))
                    {
                        return offset;
                    }

                    break;

                default:
                    return offset;
            }
        }
    }

    /// <summary>
    /// The connection will deliver no more bytes: a body that runs until close completes; any other message
    /// cut short is reported as <see cref="HttpParseErrorKind.IncompleteMessage"/>; between messages nothing is.
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
            _sink.OnComplete();
            return;
        }

        var cutShort = IsMessageInProgress;
        _state = State.Ended;
        if (cutShort)
        {
            Fail(HttpParseErrorKind.IncompleteMessage);
        }
    }

    /// <summary>Starts decoding the body a head announces (called from <see cref="IMessageSink{THead}.OnHead"/>).</summary>
    /// <returns>Whether the message has a body; without one it is complete when its head is.</returns>
    public bool StartBody(HttpBodyFraming framing, long contentLength)
    {
        switch (framing)
        {
            case HttpBodyFraming.Chunked:
                _body.StartChunked();
                break;
            case HttpBodyFraming.ContentLength when contentLength > 0:
                _body.StartContentLength(contentLength);
                break;
            case HttpBodyFraming.UntilClose:
                _body.StartUntilClose();
                break;
            default:
                return false;
        }

        _state = State.Body;
        return true;
    }

    /// <summary>The connection now carries another protocol: no byte after the current head is taken.</summary>
    public void Upgrade() => _state = State.Upgraded;

    /// <summary>Reads the start line of a complete head section, refusing a lone LF unless it is allowed.</summary>
    /// <param name="section">The head section.</param>
    /// <param name="reader">Left at the first field line.</param>
    /// <param name="line">The start line without its line ending.</param>
    /// <param name="error">Why the line was refused.</param>
    public bool TryReadStartLine(ReadOnlySpan<byte> section, out LineReader reader, out ReadOnlySpan<byte> line, out HttpParseErrorKind error)
    {
        reader = new LineReader(section);
        reader.TryRead(out line, out var endedWithCrLf);
        var accepted = endedWithCrLf || _options.AllowBareLineFeed;
        error = accepted ? default : HttpParseErrorKind.BareLineFeed;
        return accepted;
    }

    /// <summary>Reads the field lines that follow the start line into <see cref="Lines"/>.</summary>
    /// <param name="reader">Positioned after the start line.</param>
    /// <param name="fields">Receives what the framing fields say.</param>
    /// <param name="hostIndex">The position of the first Host line in <see cref="Lines"/>, or -1.</param>
    /// <param name="error">Why the section was refused.</param>
    public bool TryReadFields(ref LineReader reader, out MessageFields fields, out int hostIndex, out HttpParseErrorKind error)
    {
        Lines.Clear();
        fields = default;
        return FieldSection.TryParse(
            ref reader, !_options.AllowBareLineFeed, _options.MaxHeaderCount, _strings, Lines, ref fields, out hostIndex, out error);
    }

    /// <summary>Refuses a Content-Length over <see cref="HttpParserOptions.MaxBodyLength"/>.</summary>
    public bool TryAcceptContentLength(long contentLength, out HttpParseErrorKind error)
    {
        var accepted = contentLength <= _options.MaxBodyLength;
        error = accepted ? default : HttpParseErrorKind.BodyTooLarge;
        return accepted;
    }

    /// <summary>Takes head bytes; returns whether to go on (a head was handled) or stop (more data needed, paused, failed).</summary>
    private bool ReadHead(ReadOnlySpan<byte> data, ref int offset)
    {
        var status = _head.Accumulate(
            data[offset..], _options.MaxStartLineLength, _options.MaxHeaderSectionLength, hasStartLine: true, out var used, out var section);
        offset += used;
        if (status == HeadStatus.NeedMoreData)
        {
            return false;
        }

        if (status != HeadStatus.Complete)
        {
            Fail(status == HeadStatus.StartLineTooLong ? _startLineTooLong : HttpParseErrorKind.HeaderSectionTooLarge);
            return false;
        }

        if (section.Length <= 2)
        {
            // An empty line before a message (RFC 9112 section 2.2 says to ignore at least one; some servers
            // send a stray CRLF after a body).
            var bareLineFeed = section.Length == 1 && !_options.AllowBareLineFeed;
            _head.Reset();
            if (bareLineFeed)
            {
                Fail(HttpParseErrorKind.BareLineFeed);
                return false;
            }

            return true;
        }

        var parsed = _sink.TryParseHead(section, out var head, out var error);
        _head.Reset();
        if (!parsed)
        {
            Fail(error);
            return false;
        }

        return _sink.OnHead(head!);
    }

    /// <summary>Takes body bytes; returns whether to go on (data or a completed message) or stop.</summary>
    private bool ReadBody(ReadOnlySpan<byte> data, ref int offset)
    {
        var status = _body.Read(data[offset..], out var taken, out var chunk);
        offset += taken;
        switch (status)
        {
            case BodyReadStatus.NeedMoreData:
                return false;
            case BodyReadStatus.Data:
                _sink.OnBody(chunk);
                return true;
            case BodyReadStatus.Complete:
                _state = State.Head;
                if (_body.Trailers is { } trailers)
                {
                    _sink.OnTrailers(trailers);
                }

                return _sink.OnComplete();
            default:
                Fail(_body.ErrorKind);
                return false;
        }
    }

    private void Fail(HttpParseErrorKind kind)
    {
        _state = State.Failed;
        _head.Reset();
        _body.Reset();
        _sink.OnError(ErrorMessages.Create(kind));
    }
}
