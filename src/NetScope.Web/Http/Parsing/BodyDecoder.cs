using System.Buffers;

namespace NetScope.Web.Http.Parsing;

/// <summary>
/// Removes the framing of a message body (Content-Length, chunked with extensions and trailers, or until
/// close) and hands out the data as slices of the input, never copying it.
/// </summary>
/// <remarks>
/// The chunked framing always requires CRLF: a lone LF after a chunk size or after chunk data is where
/// front ends and back ends have disagreed in known request smuggling attacks, so it is refused here even
/// when the head accepts lone LFs.
/// </remarks>
internal sealed class BodyDecoder
{
    private readonly HttpParserOptions _options;
    private readonly HeadAccumulator _trailerSection = new();
    private readonly HeaderListBuilder _trailerLines = new();
    private byte[]? _lineBuffer;
    private int _lineLength;
    private State _state;
    private long _remaining;
    private long _total;

    public BodyDecoder(HttpParserOptions options)
    {
        _options = options;
    }

    private enum State
    {
        Idle,
        ContentLength,
        ChunkSize,
        ChunkData,
        ChunkDataCr,
        ChunkDataLf,
        Trailers,
        UntilClose,
    }

    /// <summary>Why the last <see cref="Read"/> returned <see cref="BodyReadStatus.Error"/>.</summary>
    public HttpParseErrorKind ErrorKind { get; private set; }

    /// <summary>The trailer fields of the chunked body that just completed, or <see langword="null"/>.</summary>
    public HttpHeaders? Trailers { get; private set; }

    /// <summary>Whether some bytes of the body have been taken but it has not completed.</summary>
    public bool IsInProgress => _state != State.Idle;

    /// <summary>Whether the body runs until the connection closes.</summary>
    public bool IsUntilClose => _state == State.UntilClose;

    public void StartContentLength(long length) => Start(State.ContentLength, length);

    public void StartChunked() => Start(State.ChunkSize, 0);

    public void StartUntilClose() => Start(State.UntilClose, 0);

    /// <summary>Ends a body that runs until close.</summary>
    public void Finish() => Reset();

    /// <summary>Forgets any body in progress and releases buffers.</summary>
    public void Reset()
    {
        _state = State.Idle;
        _remaining = 0;
        _total = 0;
        _lineLength = 0;
        if (_lineBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_lineBuffer);
            _lineBuffer = null;
        }

        _trailerSection.Reset();
    }

    /// <summary>Takes framing bytes until there is data to hand out, the body ends, or the input runs out.</summary>
    /// <param name="input">The bytes that follow what was taken before (may be empty).</param>
    /// <param name="consumed">How many bytes of <paramref name="input"/> were taken.</param>
    /// <param name="data">With <see cref="BodyReadStatus.Data"/>, body bytes: a slice of <paramref name="input"/>.</param>
    /// <returns>What happened.</returns>
    public BodyReadStatus Read(ReadOnlySpan<byte> input, out int consumed, out ReadOnlySpan<byte> data)
    {
        data = default;
        var offset = 0;
        while (true)
        {
            var rest = input[offset..];
            switch (_state)
            {
                case State.ContentLength:
                    if (_remaining == 0)
                    {
                        consumed = offset;
                        return Complete(null);
                    }

                    if (rest.IsEmpty)
                    {
                        consumed = offset;
                        return BodyReadStatus.NeedMoreData;
                    }

                    var length = (int)Math.Min(_remaining, rest.Length);
                    _remaining -= length;
                    data = rest[..length];
                    consumed = offset + length;
                    return BodyReadStatus.Data;

                case State.ChunkData:
                    if (rest.IsEmpty)
                    {
                        consumed = offset;
                        return BodyReadStatus.NeedMoreData;
                    }

                    var chunkPart = (int)Math.Min(_remaining, rest.Length);
                    _remaining -= chunkPart;
                    if (_remaining == 0)
                    {
                        _state = State.ChunkDataCr;
                    }

                    data = rest[..chunkPart];
                    consumed = offset + chunkPart;
                    return BodyReadStatus.Data;

                case State.ChunkDataCr or State.ChunkDataLf:
                    if (rest.IsEmpty)
                    {
                        consumed = offset;
                        return BodyReadStatus.NeedMoreData;
                    }

                    if (rest[0] != (_state == State.ChunkDataCr ? '\r' : '\n'))
                    {
                        consumed = offset;
                        return Fail(HttpParseErrorKind.InvalidChunkFraming);
                    }

                    offset++;
                    _state = _state == State.ChunkDataCr ? State.ChunkDataLf : State.ChunkSize;
                    break;

                case State.ChunkSize:
                    var sizeStatus = ReadChunkSize(rest, out var lineConsumed);
                    offset += lineConsumed;
                    if (sizeStatus != BodyReadStatus.Data)
                    {
                        consumed = offset;
                        return sizeStatus;
                    }

                    break;

                case State.Trailers:
                    var status = _trailerSection.Accumulate(
                        rest, int.MaxValue, _options.MaxHeaderSectionLength, hasStartLine: false, out var used, out var section);
                    offset += used;
                    consumed = offset;
                    return status switch
                    {
                        HeadStatus.NeedMoreData => BodyReadStatus.NeedMoreData,
                        HeadStatus.Complete => FinishTrailers(section),
                        _ => Fail(HttpParseErrorKind.HeaderSectionTooLarge),
                    };

                case State.UntilClose:
                    data = rest;
                    consumed = input.Length;
                    return rest.IsEmpty ? BodyReadStatus.NeedMoreData : BodyReadStatus.Data;

                default:
                    throw new InvalidOperationException("No body is being read.");
            }
        }
    }

    /// <summary>Reads a chunk-size line; <see cref="BodyReadStatus.Data"/> means "parsed, go on".</summary>
    private BodyReadStatus ReadChunkSize(ReadOnlySpan<byte> input, out int consumed)
    {
        var lineFeed = input.IndexOf((byte)'\n');
        var take = lineFeed < 0 ? input.Length : lineFeed + 1;
        if (_lineLength + take > _options.MaxChunkLineLength)
        {
            consumed = 0;
            return Fail(HttpParseErrorKind.ChunkLineTooLong);
        }

        consumed = take;
        if (lineFeed < 0)
        {
            AppendLine(input);
            return BodyReadStatus.NeedMoreData;
        }

        ReadOnlySpan<byte> line;
        if (_lineLength == 0)
        {
            line = input[..lineFeed];
        }
        else
        {
            AppendLine(input[..lineFeed]);
            line = _lineBuffer.AsSpan(0, _lineLength);
        }

        if (line.IsEmpty || line[^1] != '\r')
        {
            return Fail(HttpParseErrorKind.BareLineFeed);
        }

        if (!ChunkLine.TryParse(line[..^1], out var size, out var error))
        {
            return Fail(error);
        }

        _lineLength = 0;
        if (size > _options.MaxBodyLength - _total)
        {
            return Fail(HttpParseErrorKind.BodyTooLarge);
        }

        _total += size;
        _remaining = size;
        _state = size == 0 ? State.Trailers : State.ChunkData;
        return BodyReadStatus.Data;
    }

    private BodyReadStatus FinishTrailers(ReadOnlySpan<byte> section)
    {
        var reader = new LineReader(section);
        _trailerLines.Clear();
        var fields = default(MessageFields);
        var parsed = FieldSection.TryParse(
            ref reader, requireCrLf: true, _options.MaxHeaderCount, cache: null, _trailerLines, ref fields, out _, out var error);
        if (!parsed)
        {
            return Fail(error);
        }

        var trailers = _trailerLines.Count == 0 ? null : _trailerLines.ToHeaders();
        _trailerLines.Clear();
        return Complete(trailers);
    }

    private BodyReadStatus Complete(HttpHeaders? trailers)
    {
        Reset();
        Trailers = trailers;
        return BodyReadStatus.Complete;
    }

    private BodyReadStatus Fail(HttpParseErrorKind kind)
    {
        ErrorKind = kind;
        return BodyReadStatus.Error;
    }

    private void Start(State state, long remaining)
    {
        Reset();
        Trailers = null;
        _state = state;
        _remaining = remaining;
    }

    private void AppendLine(ReadOnlySpan<byte> bytes)
    {
        _lineBuffer ??= ArrayPool<byte>.Shared.Rent(_options.MaxChunkLineLength);
        bytes.CopyTo(_lineBuffer.AsSpan(_lineLength));
        _lineLength += bytes.Length;
    }
}
