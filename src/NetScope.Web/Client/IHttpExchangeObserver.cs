using NetScope.Core.Transports;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// Hears what happens during one request, as it happens: for views, transcripts and verbose output
/// (the session model and <c>netscope http -v</c> use it). Pass it in <see cref="HttpExchangeOptions.Observer"/>.
/// </summary>
/// <remarks>Calls arrive on the reactor thread; implementations must be quick and must not throw.</remarks>
public interface IHttpExchangeObserver
{
    /// <summary>The request has a connection, ready for its head (after TCP, a CONNECT tunnel and TLS as configured).</summary>
    /// <param name="transport">The transport the request is written to (TLS above TCP for https).</param>
    /// <param name="reused">Whether it is a kept-alive connection from the pool.</param>
    void ConnectionReady(ITransport transport, bool reused);

    /// <summary>A milestone was reached; <see cref="HttpResponse.Timings"/> has the same times.</summary>
    /// <param name="phase">The milestone.</param>
    /// <param name="secondsSinceStart">When, in seconds since the request started.</param>
    void PhaseReached(HttpPhase phase, double secondsSinceStart);

    /// <summary>The request head was written, exactly as sent.</summary>
    /// <param name="head">The start line, the field lines and the empty line.</param>
    void RequestHeadSent(ReadOnlySpan<byte> head);

    /// <summary>Request body bytes were written, as sent (with the chunked framing when the length is unknown).</summary>
    /// <param name="data">The bytes.</param>
    void RequestBodySent(ReadOnlySpan<byte> data);

    /// <summary>Bytes of the response arrived, raw, before parsing (heads, framing and body alike).</summary>
    /// <param name="data">The bytes, valid only during the call.</param>
    void ResponseDataReceived(ReadOnlySpan<byte> data);

    /// <summary>A response head was parsed: an interim 1xx one, or the final one (<see cref="HttpResponseHead.IsInformational"/> tells).</summary>
    /// <param name="head">The head.</param>
    void ResponseHeadReceived(HttpResponseHead head);

    /// <summary>The request ended: the body is complete (<paramref name="error"/> is <see langword="null"/>) or it failed.</summary>
    /// <param name="error">Why it failed, or <see langword="null"/>.</param>
    void Finished(Exception? error);
}
