using Microsoft.Win32.SafeHandles;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Static;

/// <summary>
/// The answer a static file lookup decided on: a status and headers, and either a complete body (an error
/// page, a listing, a redirect) or an open file and the byte range of it to send, with its first chunk read.
/// </summary>
internal sealed class StaticPlan : IDisposable
{
    public StaticPlan(int statusCode, HttpHeaders headers)
    {
        StatusCode = statusCode;
        Headers = headers;
    }

    public int StatusCode { get; }

    public HttpHeaders Headers { get; }

    /// <summary>The whole body when no file is sent.</summary>
    public byte[] Body { get; init; } = [];

    /// <summary>The file to send from, or <see langword="null"/>.</summary>
    public SafeFileHandle? File { get; set; }

    /// <summary>The real path of the file or directory, for the log.</summary>
    public string? RealPath { get; init; }

    public long Offset { get; init; }

    public long Length { get; init; }

    /// <summary>The first chunk, already read (rented from the shared pool), or <see langword="null"/>.</summary>
    public byte[]? FirstChunk { get; set; }

    public int FirstChunkLength { get; set; }

    /// <summary>Why the path was refused, for the log, or <see langword="null"/>.</summary>
    public string? Refusal { get; init; }

    /// <summary>Takes the file away from the plan (the producer owns it from now on).</summary>
    public SafeFileHandle? TakeFile()
    {
        var file = File;
        File = null;
        return file;
    }

    public void Dispose()
    {
        File?.Dispose();
        File = null;
        if (FirstChunk is { } chunk)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
            FirstChunk = null;
        }
    }
}
