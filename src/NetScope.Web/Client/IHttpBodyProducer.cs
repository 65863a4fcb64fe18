using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Web.Client;

/// <summary>
/// Produces a request body (Twisted's <c>IBodyProducer</c>). The client registers it with the connection as a
/// streaming producer, so a full send buffer pauses it and a drained one resumes it; it writes the body to
/// the consumer it is given, which adds the chunked framing when <see cref="Length"/> is unknown.
/// </summary>
public interface IHttpBodyProducer : IPushProducer
{
    /// <summary>The body's length in bytes, or -1 when unknown (the body is then sent chunked).</summary>
    long Length { get; }

    /// <summary>Starts writing the body to <paramref name="consumer"/>.</summary>
    /// <param name="consumer">Where to write; it honours the announced <see cref="Length"/>.</param>
    /// <returns>
    /// A Deferred that fires once the whole body has been written, or fails if it could not be. After
    /// <see cref="IProducer.StopProducing"/> its outcome is ignored.
    /// </returns>
    Deferred StartProducing(IConsumer consumer);
}
