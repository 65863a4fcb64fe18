using System.Buffers;
using System.Runtime.InteropServices;

namespace NetScope.Web.Client.Decoding;

/// <summary>
/// Decodes the gzip and deflate content codings with zlib, in pieces, writing each piece of output as soon as
/// it is produced. A gzip body may hold several members (RFC 1952 section 2.2); what follows the end of the
/// last one is ignored, as browsers and curl do. For "deflate" the zlib wrapper RFC 9110 names is expected,
/// and raw deflate data, which some servers send instead, is accepted too.
/// </summary>
internal sealed unsafe class ZLibInflater : IContentDecoder
{
    private const int OutputSize = 64 * 1024;
    private const int GzipWindowBits = 16 + 15;
    private const int ZLibWindowBits = 15;
    private const int RawWindowBits = -15;
    private const int AutoWindowBits = 32 + 15;

    private readonly bool _gzip;
    private readonly byte[] _output;
    private ZStream* _stream;
    private byte _firstByte;
    private bool _haveFirstByte;
    private bool _initialized;
    private bool _memberEnded;
    private bool _ignoreRest;
    private bool _sawInput;
    private bool _disposed;

    /// <summary>Creates a decoder for <paramref name="name"/>: gzip, x-gzip or deflate.</summary>
    /// <exception cref="PlatformNotSupportedException">zlib could not be loaded.</exception>
    public ZLibInflater(string name)
    {
        if (!ZLibNative.IsAvailable)
        {
            throw new PlatformNotSupportedException("zlib (libz.so.1) is not available to decode gzip and deflate bodies.");
        }

        Name = name;
        _gzip = name is "gzip" or "x-gzip";
        _output = ArrayPool<byte>.Shared.Rent(OutputSize);
        _stream = (ZStream*)NativeMemory.AllocZeroed((nuint)sizeof(ZStream));
    }

    ~ZLibInflater()
    {
        Release();
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public void Decode(ReadOnlySpan<byte> input, IDecodedOutput output)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (input.IsEmpty || _ignoreRest)
        {
            return;
        }

        _sawInput = true;
        if (!_initialized && !TryInitialize(ref input))
        {
            return;
        }

        while (!input.IsEmpty && !_ignoreRest)
        {
            if (_memberEnded)
            {
                // Another gzip member may follow; anything else after the end is ignored.
                if (!_gzip || input[0] != 0x1F)
                {
                    _ignoreRest = true;
                    return;
                }

                Check(ZLibNative.InflateReset(_stream), "inflateReset");
                _memberEnded = false;
            }

            var consumed = Inflate(input, output);
            if (consumed == 0 && !_memberEnded)
            {
                // Cannot happen with input and output room to spare; a loop that makes no progress must not spin.
                throw Corrupt(ZLibNative.BufferError);
            }

            input = input[consumed..];
        }
    }

    /// <inheritdoc/>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // An empty body is taken as empty content: servers label empty answers with their usual coding.
        if (_sawInput && !_memberEnded && !_ignoreRest)
        {
            throw new HttpResponseException($"the {Name} body was cut short: its compressed stream did not end");
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Runs inflate over <paramref name="input"/> until it is used up or the member ends; returns the bytes taken.</summary>
    private int Inflate(ReadOnlySpan<byte> input, IDecodedOutput output)
    {
        fixed (byte* inputPointer = input)
        fixed (byte* outputPointer = _output)
        {
            _stream->NextIn = inputPointer;
            _stream->AvailIn = (uint)input.Length;
            while (true)
            {
                _stream->NextOut = outputPointer;
                _stream->AvailOut = OutputSize;
                var result = ZLibNative.Inflate(_stream, ZLibNative.NoFlush);
                var produced = OutputSize - (int)_stream->AvailOut;
                var taken = input.Length - (int)_stream->AvailIn;
                if (result is not (ZLibNative.Ok or ZLibNative.StreamEnd or ZLibNative.BufferError))
                {
                    throw Corrupt(result);
                }

                if (produced > 0)
                {
                    output.Write(_output.AsSpan(0, produced));
                }

                if (result == ZLibNative.StreamEnd)
                {
                    _memberEnded = true;
                    return taken;
                }

                // With output room left over, inflate has used all the input it can for now.
                if (produced < OutputSize || result == ZLibNative.BufferError)
                {
                    return taken;
                }
            }
        }
    }

    /// <summary>Picks the window bits (deflate needs its first two bytes to tell zlib from raw data).</summary>
    private bool TryInitialize(ref ReadOnlySpan<byte> input)
    {
        int windowBits;
        if (_gzip)
        {
            windowBits = GzipWindowBits;
        }
        else
        {
            if (!_haveFirstByte && input.Length == 1)
            {
                _firstByte = input[0];
                _haveFirstByte = true;
                input = default;
                return false;
            }

            var first = _haveFirstByte ? _firstByte : input[0];
            var second = _haveFirstByte ? input[0] : input[1];
            windowBits = first == 0x1F && second == 0x8B ? AutoWindowBits
                : (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0 ? ZLibWindowBits
                : RawWindowBits;
        }

        Check(ZLibNative.InflateInit2(_stream, windowBits), "inflateInit2");
        _initialized = true;
        if (_haveFirstByte)
        {
            var first = _firstByte;
            Inflate(new ReadOnlySpan<byte>(in first), NullOutput.Instance);
        }

        return true;
    }

    private HttpResponseException Corrupt(int result)
    {
        var detail = _stream->Message is null ? $"zlib error {result}" : new string(_stream->Message);
        return new HttpResponseException($"the {Name} body does not decode: {detail}");
    }

    private void Check(int result, string call)
    {
        if (result != ZLibNative.Ok)
        {
            throw new HttpResponseException($"the {Name} body cannot be decoded: {call} returned {result}");
        }
    }

    private void Release()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_stream is not null)
        {
            if (_initialized)
            {
                ZLibNative.InflateEnd(_stream);
            }

            NativeMemory.Free(_stream);
            _stream = null;
        }

        ArrayPool<byte>.Shared.Return(_output);
    }

    /// <summary>Takes the output of the one byte held back while sniffing the deflate format (a lone byte decodes to nothing).</summary>
    private sealed class NullOutput : IDecodedOutput
    {
        public static readonly NullOutput Instance = new();

        public void Write(ReadOnlySpan<byte> data)
        {
        }
    }
}
