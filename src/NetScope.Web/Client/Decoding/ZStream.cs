using System.Runtime.InteropServices;

namespace NetScope.Web.Client.Decoding;

/// <summary>zlib's <c>z_stream</c> (zlib.h), field for field; <c>uLong</c> is C's <c>unsigned long</c>.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public uint AvailIn;
    public CULong TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public CULong TotalOut;
    public sbyte* Message;
    public void* State;
    public void* ZAlloc;
    public void* ZFree;
    public void* Opaque;
    public int DataType;
    public CULong Adler;
    public CULong Reserved;
}
