using System.Net.Security;
using System.Runtime.ExceptionServices;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace NetScope.Core.Tls;

/// <summary>The handshake half of the engine: SslStream options, certificate checks, session details.</summary>
public sealed partial class TlsEngine
{
    private TlsVerificationResult _verification = TlsVerificationResult.NotPerformed;
    private TlsVerificationResult? _rejectedVerification;
    private IReadOnlyList<TlsCertificateInfo> _peerCertificates = [];

    /// <summary>The engine's whole life after <see cref="Start"/>: handshake, then the read loop.</summary>
    private async Task RunAsync()
    {
        Exception? handshakeError = null;
        try
        {
            await AuthenticateAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            handshakeError = e;
        }

        await BackToEngineThread();
        if (IsFinished)
        {
            return;
        }

        try
        {
            if (handshakeError is not null)
            {
                FailHandshake(handshakeError);
                return;
            }

            CompleteHandshake();
            if (!IsFinished)
            {
                await ReadLoopAsync();
            }
        }
        catch (Exception hostError)
        {
            // Only host callbacks can throw here. Failing the engine surfaces the exception instead of losing
            // it in an unobserved task; if the engine is already finished (Failed itself threw), rethrowing on
            // the host's thread is the one way left to make it seen.
            if (IsFinished)
            {
                _host.Post(() => ExceptionDispatchInfo.Throw(hostError));
                return;
            }

            Fail(new TlsFailure
            {
                Kind = State == TlsEngineState.Handshaking ? TlsFailureKind.HandshakeFailed : TlsFailureKind.ConnectionError,
                Message = $"a TLS engine callback threw {hostError.GetType().Name}: {hostError.Message}",
                DuringHandshake = State == TlsEngineState.Handshaking,
                Exception = hostError,
            });
        }
    }

    private Task AuthenticateAsync()
    {
        if (_clientOptions is { } client)
        {
            var options = new SslClientAuthenticationOptions
            {
                TargetHost = client.ServerName ?? string.Empty,
                ApplicationProtocols = client.ApplicationProtocols.Count > 0
                    ? client.ApplicationProtocols.Select(p => new SslApplicationProtocol(p)).ToList()
                    : null,
                EnabledSslProtocols = ProtocolsBetween(client.MinVersion, client.MaxVersion),
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CertificateChainPolicy = CertificateVerifier.CreateChainPolicy(client.TrustedAuthorities, _verificationTime),
                RemoteCertificateValidationCallback = ValidateServerCertificate,
                ClientCertificateContext = client.GetClientCertificateContext(),
                AllowTlsResume = client.AllowResumption,
            };
            return _ssl.AuthenticateAsClientAsync(options, CancellationToken.None);
        }

        return _ssl.AuthenticateAsServerAsync(SelectServerOptions, null, CancellationToken.None);
    }

    /// <summary>
    /// Called by SslStream once the ClientHello is in. The observer has parsed it already (it sees bytes
    /// before SslStream does), so ALPN is chosen here by server preference, deterministically.
    /// </summary>
    private ValueTask<SslServerAuthenticationOptions> SelectServerOptions(
        SslStream stream, SslClientHelloInfo clientHello, object? state, CancellationToken cancellationToken)
    {
        var server = _serverOptions!;
        List<SslApplicationProtocol>? alpn = null;
        if (server.ApplicationProtocols.Count > 0)
        {
            if (_observer.ClientHello is { } hello)
            {
                var chosen = server.ApplicationProtocols.FirstOrDefault(p => hello.ApplicationProtocols.Contains(p, StringComparer.Ordinal));
                alpn = chosen is null ? null : [new SslApplicationProtocol(chosen)];
            }
            else
            {
                // The ClientHello spanned records the observer has not finished; let OpenSSL choose.
                alpn = server.ApplicationProtocols.Select(p => new SslApplicationProtocol(p)).ToList();
            }
        }

        var options = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = server.GetCertificateContext(),
            ApplicationProtocols = alpn,
            EnabledSslProtocols = ProtocolsBetween(server.MinVersion, server.MaxVersion),
            ClientCertificateRequired = server.RequestClientCertificate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            CertificateChainPolicy = CertificateVerifier.CreateChainPolicy(server.ClientCertificateAuthorities, _verificationTime),
            RemoteCertificateValidationCallback = server.RequestClientCertificate ? ValidateClientCertificate : null,
            AllowTlsResume = server.AllowResumption,
        };
        return ValueTask.FromResult(options);
    }

    private bool ValidateServerCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var client = _clientOptions!;
        var (result, certificates) = CertificateVerifier.Verify(
            certificate, chain, errors, client.ServerName, client.PinnedFingerprints, _verificationTime, enforced: !client.Insecure);
        _verification = result;
        _peerCertificates = certificates;

        // Insecure mode waives every check but the pin: a pin is an explicit demand (curl's -k keeps it too).
        var pinFailed = result.Problems.Contains(TlsVerificationStatus.PinMismatch);
        if (result.IsTrusted || (client.Insecure && !pinFailed))
        {
            return true;
        }

        _rejectedVerification = result with { Enforced = true };
        return false;
    }

    /// <summary>A server reports the client's certificate and never refuses the handshake over it.</summary>
    private bool ValidateClientCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        var (result, certificates) = CertificateVerifier.Verify(
            certificate, chain, errors, expectedName: null, pins: [], _verificationTime, enforced: false);
        _verification = result;
        _peerCertificates = certificates;
        return true;
    }

    private void CompleteHandshake()
    {
        State = TlsEngineState.Established;
        var hello = _observer.ClientHello;
        Session = new TlsSessionInfo
        {
            Role = Role,
            ProtocolVersion = _ssl.SslProtocol == SslProtocols.Tls13 ? TlsProtocolVersion.Tls13 : TlsProtocolVersion.Tls12,
            CipherSuite = _ssl.NegotiatedCipherSuite,
            ApplicationProtocol = _ssl.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : _ssl.NegotiatedApplicationProtocol.ToString(),
            OfferedApplicationProtocols = hello?.ApplicationProtocols ?? [],
            ServerName = hello?.ServerName,
            Resumed = _observer.Resumed,
            ResumptionOffered = _observer.ResumptionOffered,
            HandshakeDuration = _time.GetElapsedTime(_startTimestamp),
            CompletedAt = _time.GetUtcNow(),
            PeerCertificates = _peerCertificates,
            Verification = _verification,
            ClientRandom = hello is null ? null : Convert.ToHexStringLower(hello.Random),
        };
        _host.HandshakeCompleted(Session);
        if (!IsFinished && (!_outbound.IsEmpty || _shutdownRequested))
        {
            StartFlush();
        }
    }

    private void FailHandshake(Exception error)
    {
        var failure = TlsFailureClassifier.ClassifyHandshake(error, CreateEvidence());
        if (failure.Verification is null && _verification.Status != TlsVerificationStatus.NotPerformed)
        {
            failure = failure with { Verification = _verification };
        }

        Fail(failure);
    }

    private TlsFailureClassifier.Evidence CreateEvidence() => new()
    {
        Role = Role,
        Observer = _observer,
        RejectedVerification = _rejectedVerification,
        PeerCertificates = _peerCertificates,
        EndOfStreamDelivered = _bio.EndOfStreamDelivered,
        TransportError = _transportError,
        MinVersion = MinVersion,
        MaxVersion = MaxVersion,
    };
}
