using NetScope.Core.Time;
using NetScope.Web.Client.Bodies;

namespace NetScope.Web.Client;

/// <summary>
/// What a request carries: bytes, a file, or a producer. Bytes and files can be sent again (when a kept-alive
/// connection turns out closed, or a 307/308 redirect keeps the body); a producer's body only once.
/// </summary>
public abstract class HttpRequestBody
{
    private protected HttpRequestBody()
    {
    }

    /// <summary>The length in bytes, or -1 when unknown (then the body is sent chunked).</summary>
    public abstract long Length { get; }

    /// <summary>Whether the body can be produced again from the start.</summary>
    public abstract bool IsReplayable { get; }

    /// <summary>A body made of <paramref name="bytes"/> (not copied: do not change them while the request runs).</summary>
    /// <param name="bytes">The body.</param>
    /// <returns>A replayable body of known length.</returns>
    public static HttpRequestBody FromBytes(ReadOnlyMemory<byte> bytes) => new BytesRequestBody(bytes);

    /// <summary>A body read from the file at <paramref name="path"/>, streamed in chunks with flow control.</summary>
    /// <param name="path">The file; its length is taken now and exactly that many bytes are sent.</param>
    /// <returns>A replayable body of known length.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be read.</exception>
    public static HttpRequestBody FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        return new FileRequestBody(Path.GetFullPath(path), probe.Length);
    }

    /// <summary>A body written by <paramref name="producer"/>, sent chunked when its length is unknown.</summary>
    /// <param name="producer">The producer; it can be used for one request only.</param>
    /// <returns>A body that cannot be sent again.</returns>
    public static HttpRequestBody FromProducer(IHttpBodyProducer producer) => new ProducerRequestBody(producer);

    /// <summary>Makes the producer that writes this body once.</summary>
    /// <param name="clock">The reactor the request runs on (producers that work in turns schedule them there).</param>
    internal abstract IHttpBodyProducer CreateProducer(IReactorTime clock);

    /// <summary>The whole body when it is small bytes that can go out with the head in one write, else empty.</summary>
    internal virtual ReadOnlyMemory<byte> InlineBytes => default;
}
