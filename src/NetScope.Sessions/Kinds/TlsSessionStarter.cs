using NetScope.Core.Tls;
using NetScope.Core.Transports;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Starts a TLS line/raw session: a <see cref="StreamSession"/> over the TLS layer over TCP. The session
/// opens once the handshake completes (a failed handshake fails it with the
/// <see cref="TlsFailureException"/>); the TLS transport is attributed to it with the handshake's details
/// (version, cipher, ALPN, SNI, peer, verification) for snapshots and traces.
/// </summary>
public sealed class TlsSessionStarter : ISessionStarter
{
    private readonly TlsSessionRequest _request;

    /// <summary>Creates the starter for <paramref name="request"/>.</summary>
    public TlsSessionStarter(TlsSessionRequest request)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
    }

    /// <inheritdoc/>
    public string Kind => "tls";

    /// <inheritdoc/>
    public string Target => _request.Target.ToString();

    /// <summary>
    /// What a view shows about a TLS transport: the handshake's state and, once done, what it negotiated, every
    /// certificate the peer sent (rows named <c>[i] subject</c>, <c>[i] issuer</c>, <c>[i] from</c>, <c>[i] until</c>,
    /// <c>[i] key</c>, <c>[i] sha256</c>, leaf first) and the verification's outcome, reason and path.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(ITlsTransport transport)
    {
        ArgumentNullException.ThrowIfNull(transport);
        return TlsDetailRows.Describe(transport.GetStatus());
    }

    /// <inheritdoc/>
    public void Start(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stream = context.CreateStream(_request.Mode);
        stream.LineEnding = _request.LineEnding;
        stream.WhenConnected.AddCallback(connected =>
        {
            if (stream.Transport is ITlsTransport tls)
            {
                context.AttachTransport(tls.Stats, () => Describe(tls));
                if (tls.LowerTransport is ITcpTransport tcp)
                {
                    // TCP_INFO belongs to the TCP layer's record, not the TLS one above it.
                    context.SetKernelSource(tcp);
                }

                tls.NotifyHandshakeCompleted().AddCallbacks(
                    session =>
                    {
                        context.MarkOpen();
                        return session;
                    },
                    // The connection ends with the failure, and the session with it.
                    _ => null);
            }

            return connected;
        }).AddErrback(_ => null); // a connection that never came up ends the session with its reason through WhenClosed
        var factory = context.CreateClientFactory(stream, new WrapOptions { RecordTranscript = false, OpensSession = false });
        context.Reactor.ConnectSsl(_request.Target.Host, _request.Target.Port, factory, _request.Options, _request.TimeoutSeconds, _request.Layer);
    }
}
