using NetScope.Core.Transports;

namespace NetScope.Web.Client;

/// <summary>
/// Receives a response body as it arrives (the role Twisted gives the protocol passed to
/// <c>Response.deliverBody</c>): <see cref="BodyStarted"/> once, any number of <see cref="BodyReceived"/>, then
/// exactly one <see cref="BodyFinished"/>.
/// </summary>
public interface IHttpBodyConsumer
{
    /// <summary>
    /// Delivery starts. <paramref name="producer"/> controls the flow: after <c>PauseProducing</c> no more
    /// <see cref="BodyReceived"/> comes (and the connection stops reading) until <c>ResumeProducing</c>;
    /// <c>StopProducing</c> gives up the body and aborts the connection.
    /// </summary>
    /// <param name="producer">The flow control of this body.</param>
    void BodyStarted(IPushProducer producer);

    /// <summary>A piece of the body, with the transfer coding (chunked) removed.</summary>
    /// <param name="data">The bytes, valid only during the call.</param>
    void BodyReceived(ReadOnlySpan<byte> data);

    /// <summary>The body ended: complete when <paramref name="error"/> is <see langword="null"/>, else why it did not.</summary>
    /// <param name="error">
    /// <see langword="null"/>, or an <see cref="HttpResponseException"/> (cut short, malformed framing, bad content
    /// coding), an <see cref="HttpTimeoutException"/>, or the connection's error.
    /// </param>
    void BodyFinished(Exception? error);
}
