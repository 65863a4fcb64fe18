using System.Runtime.InteropServices;

namespace NetScope.Web.Client.Decoding;

/// <summary>
/// The system's zlib, loaded on first use: its streaming inflate reports exactly where a compressed stream
/// ends and checks the gzip CRC-32 and zlib Adler-32 trailers, which .NET's stream wrappers do not expose.
/// </summary>
/// <remarks>zlib is part of every Linux base system (Debian's <c>zlib1g</c> is priority "required") and of macOS.</remarks>
internal static unsafe class ZLibNative
{
    public const int Ok = 0;
    public const int StreamEnd = 1;
    public const int NeedDictionary = 2;
    public const int BufferError = -5;
    public const int NoFlush = 0;

    private static readonly string[] LibraryNames = ["libz.so.1", "libz.so", "libz.1.dylib", "libz.dylib", "zlib1.dll"];
    private static readonly Lock LoadLock = new();
    private static bool _loaded;
    private static delegate* unmanaged<ZStream*, int, byte*, int, int> _inflateInit2;
    private static delegate* unmanaged<ZStream*, int, int> _inflate;
    private static delegate* unmanaged<ZStream*, int> _inflateEnd;
    private static delegate* unmanaged<ZStream*, int> _inflateReset;
    private static byte* _version;

    /// <summary>Whether zlib could be loaded.</summary>
    public static bool IsAvailable
    {
        get
        {
            EnsureLoaded();
            return _inflate != null;
        }
    }

    /// <summary>zlib's <c>inflateInit2</c>.</summary>
    public static int InflateInit2(ZStream* stream, int windowBits) =>
        _inflateInit2(stream, windowBits, _version, sizeof(ZStream));

    /// <summary>zlib's <c>inflate</c>.</summary>
    public static int Inflate(ZStream* stream, int flush) => _inflate(stream, flush);

    /// <summary>zlib's <c>inflateEnd</c>.</summary>
    public static int InflateEnd(ZStream* stream) => _inflateEnd(stream);

    /// <summary>zlib's <c>inflateReset</c>.</summary>
    public static int InflateReset(ZStream* stream) => _inflateReset(stream);

    private static void EnsureLoaded()
    {
        if (Volatile.Read(ref _loaded))
        {
            return;
        }

        lock (LoadLock)
        {
            if (_loaded)
            {
                return;
            }

            foreach (var name in LibraryNames)
            {
                if (!NativeLibrary.TryLoad(name, out var library))
                {
                    continue;
                }

                if (NativeLibrary.TryGetExport(library, "inflateInit2_", out var init)
                    && NativeLibrary.TryGetExport(library, "inflate", out var inflate)
                    && NativeLibrary.TryGetExport(library, "inflateEnd", out var end)
                    && NativeLibrary.TryGetExport(library, "inflateReset", out var reset)
                    && NativeLibrary.TryGetExport(library, "zlibVersion", out var version))
                {
                    _inflateInit2 = (delegate* unmanaged<ZStream*, int, byte*, int, int>)init;
                    _inflateEnd = (delegate* unmanaged<ZStream*, int>)end;
                    _inflateReset = (delegate* unmanaged<ZStream*, int>)reset;

                    // The library's own version string always passes inflateInit2_'s compatibility check.
                    _version = ((delegate* unmanaged<byte*>)version)();
                    _inflate = (delegate* unmanaged<ZStream*, int, int>)inflate;
                    break;
                }

                NativeLibrary.Free(library);
            }

            Volatile.Write(ref _loaded, true);
        }
    }
}
