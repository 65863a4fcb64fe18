using System.Globalization;
using NetScope.Web.Http;
using NetScope.Web.Server.Internal;

namespace NetScope.Web.Server;

/// <summary>The response: status, headers, the head on the first write, framing of the body, and finishing.</summary>
public sealed partial class Request
{
    // A first write up to this size goes out in one piece with the head; so do chunks up to it with their framing.
    private const int CoalesceLimit = 8 * 1024;

    private HttpHeaders? _responseHeaders;
    private int _code = 200;
    private string? _reason;
    private ResponseState _state;
    private ResponseFraming _framing;
    private long _declaredLength = -1;
    private long _bodyBytes;
    private bool _persistent;
    private bool _cutShort;

    private enum ResponseState
    {
        NotStarted,
        Writing,
        Finished,
    }

    private static ReadOnlySpan<byte> CrLf => "\r\n"u8;

    private static ReadOnlySpan<byte> ConnectionCloseLine => "Connection: close\r\n"u8;

    private static ReadOnlySpan<byte> KeepAliveLine => "Connection: keep-alive\r\n"u8;

    private static ReadOnlySpan<byte> ChunkedLine => "Transfer-Encoding: chunked\r\n"u8;

    private static ReadOnlySpan<byte> ContentLengthPrefix => "Content-Length: "u8;

    /// <summary>The response status. <remarks>Defaults to 200.</remarks></summary>
    public int Code => _code;

    /// <summary>The reason phrase set with the status, or <see langword="null"/> for the registered one.</summary>
    public string? ReasonPhrase => _reason;

    /// <summary>The response headers set so far (created on first use). The server adds Date, Server, Connection and the framing.</summary>
    public HttpHeaders ResponseHeaders => _responseHeaders ??= new HttpHeaders();

    /// <summary>Whether the response head has been sent (status and headers can no longer change).</summary>
    public bool StartedWriting => _state != ResponseState.NotStarted;

    /// <summary>Whether <see cref="Finish"/> has been called.</summary>
    public bool Finished => _state == ResponseState.Finished;

    /// <summary>Body bytes sent so far (none for HEAD).</summary>
    public long BodyBytesSent => _bodyBytes;

    /// <summary>Whether the connection carries another request after this response (known once the head is sent).</summary>
    internal bool Persistent => _persistent;

    /// <summary>Whether the body sent is shorter than the one announced, or the client went away first.</summary>
    internal bool CutShort => _cutShort || _lost;

    /// <summary>Marks the response as not delivered whole (the connection cut it).</summary>
    internal void MarkCutShort() => _cutShort = true;

    /// <summary>Set by the connection when it must close after this response (a refused body, an error).</summary>
    internal bool CloseAfter { get; set; }

    /// <summary>Sets the status (twisted.web's <c>setResponseCode</c>).</summary>
    /// <param name="code">A final status, 200 to 999 (interim responses are the server's).</param>
    /// <param name="reasonPhrase">The phrase, or <see langword="null"/> for the registered one.</param>
    /// <exception cref="InvalidOperationException">The head was already sent.</exception>
    public void SetResponseCode(int code, string? reasonPhrase = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 999);
        if (reasonPhrase is not null && !HttpSyntax.IsValidReasonPhrase(reasonPhrase))
        {
            throw new ArgumentException("The reason phrase holds a control character or a character above U+00FF.", nameof(reasonPhrase));
        }

        ThrowIfStarted();
        _code = code;
        _reason = reasonPhrase;
    }

    /// <summary>Sets a response header, replacing any value it had.</summary>
    /// <param name="name">A field name.</param>
    /// <param name="value">A valid field value.</param>
    /// <exception cref="InvalidOperationException">The head was already sent.</exception>
    public void SetHeader(string name, string value)
    {
        ThrowIfStarted();
        ResponseHeaders.Set(name, value);
    }

    /// <summary>Adds a response header line, keeping the ones already there (for Set-Cookie and the like).</summary>
    /// <param name="name">A field name.</param>
    /// <param name="value">A valid field value.</param>
    /// <exception cref="InvalidOperationException">The head was already sent.</exception>
    public void AddHeader(string name, string value)
    {
        ThrowIfStarted();
        ResponseHeaders.Add(name, value);
    }

    /// <summary>Answers with a redirect to <paramref name="location"/> (the caller still finishes, or returns a body).</summary>
    /// <param name="location">The URL or absolute path to go to.</param>
    /// <param name="code">301, 302 (the default), 303, 307 or 308.</param>
    public void Redirect(string location, int code = 302)
    {
        ArgumentNullException.ThrowIfNull(location);
        SetResponseCode(code);
        SetHeader(HttpHeaderNames.Location, location);
    }

    /// <summary>
    /// Sends part of the body (the head first, on the first call). The bytes are copied or sent before this
    /// returns. Ignored for HEAD and bodiless statuses, and after the client went away.
    /// </summary>
    /// <param name="data">The bytes.</param>
    /// <exception cref="InvalidOperationException">The request is finished.</exception>
    public void Write(ReadOnlySpan<byte> data)
    {
        ThrowIfFinished();
        if (_lost)
        {
            return;
        }

        if (_state == ResponseState.NotStarted)
        {
            var coalesce = data.Length <= CoalesceLimit && !_channel.IsShaped;
            var headLength = ComposeHead(-1, finishing: false, extraCapacity: coalesce ? data.Length + HttpChunkedEncoder.MaxChunkHeaderLength + 2 : 0);
            if (coalesce)
            {
                var total = headLength + AppendFramed(_channel.HeadBuffer.AsSpan(headLength), data);
                _channel.SendHead(_channel.HeadBuffer.AsSpan(0, total));
                return;
            }

            _channel.SendHead(_channel.HeadBuffer.AsSpan(0, headLength));
        }

        WriteBody(data);
    }

    /// <summary>Sends <paramref name="text"/> as UTF-8 (see <see cref="Write(ReadOnlySpan{byte})"/>).</summary>
    /// <param name="text">The text.</param>
    public void Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Write(System.Text.Encoding.UTF8.GetBytes(text));
    }

    /// <summary>
    /// Ends the response: sends the head if nothing was written (with <c>Content-Length: 0</c> unless one was
    /// set), the last chunk of a chunked body, and lets the connection go on with the next request. Ignored
    /// after the client went away.
    /// </summary>
    /// <exception cref="InvalidOperationException">The request is already finished.</exception>
    public void Finish()
    {
        ThrowIfFinished();
        if (_lost)
        {
            _state = ResponseState.Finished;
            return;
        }

        if (_state == ResponseState.NotStarted)
        {
            var length = ComposeHead(-1, finishing: true, extraCapacity: 0);
            _channel.SendHead(_channel.HeadBuffer.AsSpan(0, length));
        }
        else if (_framing == ResponseFraming.Chunked)
        {
            _channel.SendBody(HttpChunkedEncoder.LastChunk);
        }
        else if (_framing == ResponseFraming.Length && _bodyBytes < _declaredLength)
        {
            // The client waits for bytes that will never come: only closing tells it the body is over.
            ServerLog.LengthMismatch(Site.Logger, Method, Uri, _bodyBytes, _declaredLength);
            _persistent = false;
            _cutShort = true;
        }

        Complete();
    }

    /// <summary>Sends the whole response with <paramref name="body"/> as its body, in one write with the head.</summary>
    internal void FinishWithBody(ReadOnlyMemory<byte> body)
    {
        if (_lost || _state == ResponseState.Finished)
        {
            _state = ResponseState.Finished;
            return;
        }

        if (_state != ResponseState.NotStarted)
        {
            Write(body.Span);
            Finish();
            return;
        }

        // As twisted.web: HEAD with an empty rendered body keeps a Content-Length the resource set itself; and
        // a 304 announces only a length the resource set, never that of the body it returned by mistake.
        var length = (ReferenceEquals(Method, HttpMethods.Head) && body.IsEmpty) || IsBodiless(_code) ? -1 : body.Length;
        var headLength = ComposeHead(length, finishing: true, extraCapacity: 0);
        var head = _channel.HeadBuffer.AsMemory(0, headLength);
        if (_framing == ResponseFraming.None || body.IsEmpty)
        {
            _channel.SendHead(head.Span);
        }
        else
        {
            _channel.SendHeadAndBody(head, body);
            _bodyBytes = body.Length;
        }

        Complete();
    }

    /// <summary>Sends a response whose constant parts were serialized in advance (the fixed-answer fast path).</summary>
    internal void FinishPrepared(PreparedResponse prepared)
    {
        if (_state != ResponseState.NotStarted || _lost)
        {
            FinishWithBody(prepared.Body);
            return;
        }

        if (_responseHeaders is { Count: > 0 } || _code != 200 || _reason is not null)
        {
            prepared.ApplyTo(this);
            FinishWithBody(prepared.Body);
            return;
        }

        _code = prepared.StatusCode;
        var bodiless = IsBodiless(_code) || ReferenceEquals(Method, HttpMethods.Head);
        _framing = bodiless ? ResponseFraming.None : ResponseFraming.Length;
        _declaredLength = prepared.Body.Length;
        _persistent = Head.KeepAlive && !prepared.ClosesConnection && !CloseAfter;
        _state = ResponseState.Writing;

        var dateLine = prepared.HasDate ? default : Site.GetDateLine();
        var serverLine = prepared.HasServer ? [] : Site.ServerLine;
        var connectionLine = ConnectionLine();
        var length = prepared.StatusLine.Length + prepared.Fields.Length + dateLine.Length + serverLine.Length + connectionLine.Length + 2;
        var builder = new HeadBuilder(_channel.GetHeadBuffer(length));
        builder.Append(prepared.StatusLine);
        builder.Append(dateLine);
        builder.Append(serverLine);
        builder.Append(connectionLine);
        builder.Append(prepared.Fields);
        builder.Append(CrLf);
        var head = _channel.HeadBuffer.AsMemory(0, builder.Length);
        if (bodiless || prepared.Body.IsEmpty)
        {
            _channel.SendHead(head.Span);
        }
        else
        {
            _channel.SendHeadAndBody(head, prepared.Body);
            _bodyBytes = prepared.Body.Length;
        }

        Complete();
    }

    /// <summary>Whether a response with <paramref name="code"/> never has a body.</summary>
    internal static bool IsBodiless(int code) => code < 200 || code == 204 || code == 304;

    /// <summary>
    /// Decides the framing and persistence and writes the head into the connection's head buffer.
    /// </summary>
    /// <param name="contentLength">The length to declare, or -1 to use the Content-Length the resource set, if any.</param>
    /// <param name="finishing">Whether the response ends now, so an unknown length is 0.</param>
    /// <param name="extraCapacity">Room to leave after the head for the first piece of the body.</param>
    /// <returns>The length of the head.</returns>
    private int ComposeHead(long contentLength, bool finishing, int extraCapacity)
    {
        var headers = _responseHeaders;
        var closeAsked = false;
        var hasDate = false;
        var hasServer = false;
        var hasType = false;
        var explicitLength = contentLength >= 0;
        if (headers is { Count: > 0 })
        {
            // Connection, Transfer-Encoding and Content-Length are the server's to write, from what it decides here.
            if (headers.Contains(HttpHeaderNames.Connection))
            {
                closeAsked = headers.ContainsToken(HttpHeaderNames.Connection, "close");
                headers.Remove(HttpHeaderNames.Connection);
            }

            headers.Remove(HttpHeaderNames.TransferEncoding);
            if (headers.Get(HttpHeaderNames.ContentLength) is { } declared)
            {
                if (contentLength < 0 && long.TryParse(declared, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                {
                    contentLength = parsed;
                    explicitLength = true;
                }

                headers.Remove(HttpHeaderNames.ContentLength);
            }

            hasDate = headers.Contains(HttpHeaderNames.Date);
            hasServer = headers.Contains(HttpHeaderNames.Server);
            hasType = headers.Contains(HttpHeaderNames.ContentType);
        }

        if (contentLength < 0 && finishing)
        {
            contentLength = 0;
        }

        var bodilessStatus = IsBodiless(_code);
        bool writeLength;
        if (bodilessStatus)
        {
            // A 304 may announce the length a 200 would have had; a 204 never carries Content-Length.
            _framing = ResponseFraming.None;
            writeLength = _code == 304 && explicitLength;
        }
        else if (ReferenceEquals(Method, HttpMethods.Head))
        {
            _framing = ResponseFraming.None;
            writeLength = contentLength >= 0;
        }
        else if (contentLength >= 0)
        {
            _framing = ResponseFraming.Length;
            writeLength = true;
        }
        else
        {
            _framing = Version == HttpProtocolVersion.Http11 ? ResponseFraming.Chunked : ResponseFraming.UntilClose;
            writeLength = false;
        }

        _declaredLength = _framing == ResponseFraming.Length ? contentLength : -1;
        _persistent = Head.KeepAlive && !closeAsked && !CloseAfter && _framing != ResponseFraming.UntilClose;
        _state = ResponseState.Writing;

        var statusLine = StatusLines.Get(_code, _reason);
        var dateLine = hasDate ? default : Site.GetDateLine();
        var serverLine = hasServer ? [] : Site.ServerLine;
        var connectionLine = ConnectionLine();
        var typeLine = hasType || bodilessStatus || contentLength == 0 ? [] : Site.DefaultContentTypeLine;
        var length = statusLine.Length + dateLine.Length + serverLine.Length + connectionLine.Length + typeLine.Length
            + (writeLength ? ContentLengthPrefix.Length + HeadBuilder.DigitCount(contentLength) + 2 : 0)
            + (_framing == ResponseFraming.Chunked ? ChunkedLine.Length : 0)
            + (headers is null ? 0 : HttpHeadWriter.GetFieldSectionLength(headers) - 2)
            + 2;

        var builder = new HeadBuilder(_channel.GetHeadBuffer(length + extraCapacity));
        builder.Append(statusLine);
        builder.Append(dateLine);
        builder.Append(serverLine);
        builder.Append(connectionLine);
        if (_framing == ResponseFraming.Chunked)
        {
            builder.Append(ChunkedLine);
        }

        if (writeLength)
        {
            builder.Append(ContentLengthPrefix);
            builder.AppendLong(contentLength);
            builder.Append(CrLf);
        }

        builder.Append(typeLine);
        if (headers is not null)
        {
            builder.AppendFields(headers);
        }

        builder.Append(CrLf);
        return builder.Length;
    }

    private ReadOnlySpan<byte> ConnectionLine() =>
        !_persistent ? ConnectionCloseLine : Version == HttpProtocolVersion.Http10 ? KeepAliveLine : default;

    private void WriteBody(ReadOnlySpan<byte> data)
    {
        data = Admit(data);
        if (data.IsEmpty)
        {
            return;
        }

        _bodyBytes += data.Length;
        if (_framing != ResponseFraming.Chunked)
        {
            _channel.SendBody(data);
            return;
        }

        if (data.Length <= CoalesceLimit && !_channel.IsShaped)
        {
            var buffer = _channel.GetHeadBuffer(data.Length + HttpChunkedEncoder.MaxChunkHeaderLength + 2);
            var length = WriteChunk(buffer, data);
            _channel.SendBody(buffer.AsSpan(0, length));
            return;
        }

        Span<byte> chunkHeader = stackalloc byte[HttpChunkedEncoder.MaxChunkHeaderLength];
        _channel.SendBody(chunkHeader[..HttpChunkedEncoder.WriteChunkHeader(chunkHeader, data.Length)]);
        _channel.SendBody(data);
        _channel.SendBody(CrLf);
    }

    /// <summary>Frames the first piece of the body into <paramref name="destination"/> (right after the head).</summary>
    private int AppendFramed(Span<byte> destination, ReadOnlySpan<byte> data)
    {
        data = Admit(data);
        if (data.IsEmpty)
        {
            return 0;
        }

        _bodyBytes += data.Length;
        if (_framing == ResponseFraming.Chunked)
        {
            return WriteChunk(destination, data);
        }

        data.CopyTo(destination);
        return data.Length;
    }

    /// <summary>What of <paramref name="data"/> may be sent: nothing without a body, no more than a declared length.</summary>
    private ReadOnlySpan<byte> Admit(ReadOnlySpan<byte> data)
    {
        if (_framing == ResponseFraming.None)
        {
            return default;
        }

        if (_framing == ResponseFraming.Length && data.Length > _declaredLength - _bodyBytes)
        {
            // Sending more than announced would be read as the start of the next response.
            ServerLog.LengthMismatch(Site.Logger, Method, Uri, _bodyBytes + data.Length, _declaredLength);
            _persistent = false;
            return data[..(int)(_declaredLength - _bodyBytes)];
        }

        return data;
    }

    private static int WriteChunk(Span<byte> destination, ReadOnlySpan<byte> data)
    {
        var position = HttpChunkedEncoder.WriteChunkHeader(destination, data.Length);
        data.CopyTo(destination[position..]);
        position += data.Length;
        destination[position++] = (byte)'\r';
        destination[position++] = (byte)'\n';
        return position;
    }

    private void ThrowIfStarted()
    {
        if (_state != ResponseState.NotStarted)
        {
            throw new InvalidOperationException($"The response head of {this} was already sent; its status and headers can no longer change.");
        }
    }

    private void ThrowIfFinished()
    {
        if (_state == ResponseState.Finished)
        {
            throw new InvalidOperationException($"{this} is already finished.");
        }
    }
}
