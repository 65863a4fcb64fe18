using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>How a client engine judges the server's certificate, engine to engine with an injected clock.</summary>
public sealed class CertificateVerificationTests : IDisposable
{
    private static readonly DateTimeOffset In2030 = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TestLoop _loop = new();

    public void Dispose()
    {
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    private async Task<TlsFailure> FailAsync(TlsClientOptions client, X509Certificate2 serverCertificate, TimeProvider? time = null)
    {
        using var pair = await EnginePair.StartAsync(_loop, client, new TlsServerOptions(serverCertificate), time);
        return await pair.ClientHost.Failure.Task.WaitAsync(TestTimeouts.Operation);
    }

    private async Task<TlsSessionInfo> SucceedAsync(TlsClientOptions client, X509Certificate2 serverCertificate, TimeProvider? time = null)
    {
        using var pair = await EnginePair.StartAsync(_loop, client, new TlsServerOptions(serverCertificate), time);
        return (await pair.HandshakeAsync()).Client;
    }

    private static TlsClientOptions TrustingCa(string serverName = "localhost") => new()
    {
        ServerName = serverName,
        TrustedAuthorities = TestCertificates.Instance.CaCollection,
    };

    [Fact]
    public async Task A_certificate_from_an_unknown_ca_fails_as_unknown_issuer()
    {
        var failure = await FailAsync(new TlsClientOptions { ServerName = "localhost" }, TestCertificates.Instance.Localhost);

        Assert.Equal(TlsFailureKind.UnknownIssuer, failure.Kind);
        Assert.Equal("issuer 'CN=NetScope Test CA' of 'CN=localhost' is not in the trust store", failure.Message);
        Assert.Equal(TlsVerificationStatus.UnknownIssuer, failure.Verification!.Status);
        Assert.Equal("CN=localhost", failure.PeerCertificates[0].Subject);
    }

    [Fact]
    public async Task A_self_signed_certificate_fails_as_unknown_issuer_naming_it()
    {
        using var selfSigned = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);

        var failure = await FailAsync(new TlsClientOptions { ServerName = "localhost" }, selfSigned);

        Assert.Equal(TlsFailureKind.UnknownIssuer, failure.Kind);
        Assert.Equal("self-signed certificate 'CN=localhost' is not trusted", failure.Message);
    }

    [Fact]
    public async Task A_wrong_server_name_fails_as_name_mismatch_listing_the_certificate_names()
    {
        var failure = await FailAsync(TrustingCa("wrong.example"), TestCertificates.Instance.Localhost);

        Assert.Equal(TlsFailureKind.NameMismatch, failure.Kind);
        Assert.Equal("certificate is not valid for 'wrong.example'; it has DNS:localhost, IP:127.0.0.1, IP:::1", failure.Message);
    }

    [Fact]
    public async Task An_expired_certificate_fails_with_its_dates()
    {
        var failure = await FailAsync(TrustingCa(), TestCertificates.Instance.Expired, new ManualTimeProvider(In2030));

        Assert.Equal(TlsFailureKind.CertificateExpired, failure.Kind);
        Assert.Equal(
            "certificate 'CN=expired.localhost' expired on 2021-01-01 00:00:00Z (valid 2020-01-01 00:00:00Z to 2021-01-01 00:00:00Z, checked at 2030-06-01 12:00:00Z)",
            failure.Message);
    }

    [Fact]
    public async Task A_certificate_that_is_not_valid_yet_fails_with_its_dates()
    {
        var failure = await FailAsync(TrustingCa(), TestCertificates.Instance.NotYetValid, new ManualTimeProvider(In2030));

        Assert.Equal(TlsFailureKind.CertificateNotYetValid, failure.Kind);
        Assert.StartsWith("certificate 'CN=future.localhost' is not valid until 2043-01-01 00:00:00Z", failure.Message);
    }

    [Fact]
    public async Task The_injected_clock_decides_validity()
    {
        var session = await SucceedAsync(TrustingCa(), TestCertificates.Instance.NotYetValid, new ManualTimeProvider(new DateTimeOffset(2043, 6, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal(TlsVerificationStatus.Trusted, session.Verification.Status);
    }

    [Fact]
    public async Task Insecure_mode_completes_the_handshake_and_still_reports_every_problem()
    {
        var options = new TlsClientOptions { ServerName = "wrong.example", Insecure = true };

        var session = await SucceedAsync(options, TestCertificates.Instance.Expired, new ManualTimeProvider(In2030));

        Assert.Equal(TlsVerificationStatus.UnknownIssuer, session.Verification.Status);
        Assert.Equal(
            [TlsVerificationStatus.UnknownIssuer, TlsVerificationStatus.Expired, TlsVerificationStatus.NameMismatch],
            session.Verification.Problems);
        Assert.Equal(
            "issuer 'CN=NetScope Test CA' of 'CN=expired.localhost' is not in the trust store (also: expired, name mismatch)",
            session.Verification.Reason);
        Assert.False(session.Verification.Enforced);
    }

    [Fact]
    public async Task A_matching_fingerprint_pin_stands_in_for_the_trust_anchor()
    {
        using var selfSigned = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        var options = new TlsClientOptions
        {
            ServerName = "localhost",
            PinnedFingerprints = [TlsCertificates.Sha256Fingerprint(selfSigned).ToLowerInvariant()],
        };

        var session = await SucceedAsync(options, selfSigned);

        Assert.Equal(TlsVerificationStatus.Trusted, session.Verification.Status);
        Assert.True(session.Verification.PinMatched);
        Assert.Equal($"certificate matches a pinned fingerprint ({TlsCertificates.Sha256Fingerprint(selfSigned)})", session.Verification.Reason);
    }

    [Fact]
    public async Task A_curl_style_public_key_pin_is_accepted_too()
    {
        using var selfSigned = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        var options = new TlsClientOptions
        {
            ServerName = "127.0.0.1",
            PinnedFingerprints = ["sha256//" + TlsCertificateInfo.Create(selfSigned).PublicKeySha256],
        };

        var session = await SucceedAsync(options, selfSigned);

        Assert.True(session.Verification.PinMatched);
        Assert.Null(session.ServerName);
    }

    [Fact]
    public async Task A_leaf_matching_no_pin_fails_even_when_the_chain_is_trusted()
    {
        var pinned = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TestCertificates.Instance.CaCollection,
            PinnedFingerprints = [new string('0', 64)],
        };

        var failure = await FailAsync(pinned, TestCertificates.Instance.Localhost);

        Assert.Equal(TlsFailureKind.CertificatePinMismatch, failure.Kind);
        Assert.Equal(
            $"certificate SHA-256 {TlsCertificates.Sha256Fingerprint(TestCertificates.Instance.Localhost)} matches none of the 1 pinned fingerprint(s)",
            failure.Message);
    }

    [Fact]
    public async Task Insecure_mode_still_enforces_a_pin()
    {
        var options = new TlsClientOptions { ServerName = "localhost", Insecure = true, PinnedFingerprints = [new string('0', 64)] };

        var failure = await FailAsync(options, TestCertificates.Instance.Localhost);

        Assert.Equal(TlsFailureKind.CertificatePinMismatch, failure.Kind);
        Assert.True(failure.Verification!.Enforced);
        Assert.Equal([TlsVerificationStatus.PinMismatch, TlsVerificationStatus.UnknownIssuer], failure.Verification.Problems);
    }

    [Fact]
    public async Task An_ip_literal_is_checked_against_ip_sans_and_not_sent_as_sni()
    {
        using var pair = await EnginePair.StartAsync(_loop, TrustingCa("127.0.0.1"), new TlsServerOptions(TestCertificates.Instance.Localhost));

        var (client, server) = await pair.HandshakeAsync();

        Assert.Equal(TlsVerificationStatus.Trusted, client.Verification.Status);
        Assert.Null(server.ServerName);
    }
}
