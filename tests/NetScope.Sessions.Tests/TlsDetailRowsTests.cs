using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;

namespace NetScope.Sessions.Tests;

/// <summary>The Transport tab's TLS rows: the negotiated session, the peer's chain as sent, and the verification.</summary>
public sealed class TlsDetailRowsTests
{
    private static readonly DateTimeOffset CaStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LeafStart = new(2026, 11, 1, 12, 30, 0, TimeSpan.Zero);

    [Fact]
    public void AnEstablishedSessionShowsEveryCertificateOfThePeersChainLeafFirstAndTheVerificationOutcome()
    {
        var (leaf, ca) = Chain();
        var verification = new TlsVerificationResult
        {
            Status = TlsVerificationStatus.Trusted,
            Problems = [],
            Reason = "certificate verified",
            Enforced = true,
            VerifiedPath = [leaf, ca],
        };
        var status = Status(TlsEngineState.Established, [leaf, ca], verification) with
        {
            Session = Session(verification, [leaf, ca]),
        };

        var rows = TlsDetailRows.Describe(status);

        Assert.Equal(
            [
                Row("tls state", "Established"),
                Row("handshake ms", "3.5"),
                Row("version", "TLSv1.3"),
                Row("cipher", "TLS_AES_128_GCM_SHA256"),
                Row("alpn", "h2"),
                Row("sni", "api.test"),
                Row("peer chain", "2 certificates, leaf first"),
                Row("[0] subject", "CN=api.test"),
                Row("[0] issuer", "CN=Test Root CA, O=NetScope"),
                Row("[0] from", "2026-11-01 12:30:00Z"),
                Row("[0] until", "2026-12-01 12:30:00Z"),
                Row("[0] key", "ECDSA P-256, 256 bits"),
                .. Fingerprint("[0] sha256", leaf),
                Row("[1] subject", "CN=Test Root CA, O=NetScope"),
                Row("[1] issuer", "CN=Test Root CA, O=NetScope"),
                Row("[1] from", "2026-01-01 00:00:00Z"),
                Row("[1] until", "2036-01-01 00:00:00Z"),
                Row("[1] key", "ECDSA P-384, 384 bits"),
                .. Fingerprint("[1] sha256", ca),
                Row("verification", "ok"),
                Row("reason", "certificate verified"),
                Row("path [0]", "CN=api.test"),
                Row("path [1]", "CN=Test Root CA, O=NetScope"),
            ],
            rows);
    }

    [Fact]
    public void ARefusedChainShowsWhatThePeerSentWhyItWasRefusedAndTheFailure()
    {
        var (leaf, _) = Chain();
        var verification = new TlsVerificationResult
        {
            Status = TlsVerificationStatus.UnknownIssuer,
            Problems = [TlsVerificationStatus.UnknownIssuer],
            Reason = "unable to get local issuer certificate",
            Enforced = true,
            ChainStatus = ["PartialChain: unable to get local issuer certificate"],
            VerifiedPath = [leaf],
        };
        var status = Status(TlsEngineState.Failed, [leaf], verification) with
        {
            Failure = new TlsFailure { Kind = TlsFailureKind.UnknownIssuer, Message = "certificate rejected: unable to get local issuer certificate", DuringHandshake = true },
        };

        var rows = TlsDetailRows.Describe(status);

        Assert.Equal(
            [
                Row("tls state", "Failed"),
                Row("handshake ms", "3.5"),
                Row("sni", "api.test"),
                Row("peer chain", "1 certificate"),
                Row("[0] subject", "CN=api.test"),
                Row("[0] issuer", "CN=Test Root CA, O=NetScope"),
                Row("[0] from", "2026-11-01 12:30:00Z"),
                Row("[0] until", "2026-12-01 12:30:00Z"),
                Row("[0] key", "ECDSA P-256, 256 bits"),
                .. Fingerprint("[0] sha256", leaf),
                Row("verification", "failed"),
                Row("reason", "unable to get local issuer certificate"),
                Row("chain status", "PartialChain: unable to get local issuer certificate"),
                Row("path [0]", "CN=api.test"),
                Row("failure", "certificate rejected: unable to get local issuer certificate"),
            ],
            rows);
    }

    [Fact]
    public void AnUnenforcedProblemAPinMatchAndAPeerWithoutCertificateAreSaidSo()
    {
        var insecure = new TlsVerificationResult
        {
            Status = TlsVerificationStatus.NameMismatch,
            Problems = [TlsVerificationStatus.NameMismatch],
            Reason = "certificate is not valid for api.test",
            Enforced = false,
            PinMatched = true,
        };

        var rows = TlsDetailRows.Describe(Status(TlsEngineState.Handshaking, [], insecure));

        Assert.Equal(
            [
                Row("tls state", "Handshaking"),
                Row("handshake ms", "3.5"),
                Row("sni", "api.test"),
                Row("peer chain", "no certificate"),
                Row("verification", "FAILED, not enforced"),
                Row("reason", "certificate is not valid for api.test"),
                Row("pin", "matched"),
            ],
            rows);
    }

    [Fact]
    public void TheFingerprintIsCutIntoRowsOfElevenBytesThatJoinBackToTheWholeFingerprint()
    {
        var fingerprint = TlsCertificates.FormatFingerprint(SHA256.HashData("netscope"u8));

        var rows = TlsDetailRows.FingerprintRows(fingerprint).ToArray();

        Assert.Equal([32, 32, 29], rows.Select(r => r.Length).ToArray());
        Assert.Equal(fingerprint, string.Join(":", rows));
    }

    private static KeyValuePair<string, string> Row(string name, string value) => new(name, value);

    private static KeyValuePair<string, string>[] Fingerprint(string name, TlsCertificateInfo certificate)
    {
        var hex = certificate.Sha256Fingerprint;
        return [Row(name, hex[..32]), Row(string.Empty, hex[33..65]), Row(string.Empty, hex[66..])];
    }

    private static (TlsCertificateInfo Leaf, TlsCertificateInfo Ca) Chain()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var caRequest = new CertificateRequest("CN=Test Root CA, O=NetScope", caKey, HashAlgorithmName.SHA384);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(CaStart, CaStart.AddYears(10));
        using var leafKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var leafRequest = new CertificateRequest("CN=api.test", leafKey, HashAlgorithmName.SHA256);
        using var leaf = leafRequest.Create(ca, LeafStart, LeafStart.AddDays(30), [1, 2, 3, 4]);
        return (TlsCertificateInfo.Create(leaf), TlsCertificateInfo.Create(ca));
    }

    private static TlsStatus Status(TlsEngineState state, IReadOnlyList<TlsCertificateInfo> peer, TlsVerificationResult verification) => new()
    {
        Role = TlsRole.Client,
        State = state,
        HandshakeElapsed = TimeSpan.FromMilliseconds(3.5),
        ServerNameSent = "api.test",
        ServerNameReceived = null,
        Session = null,
        Failure = null,
        PeerCertificates = peer,
        Verification = verification,
        CloseNotifySent = false,
        CloseNotifyReceived = false,
    };

    private static TlsSessionInfo Session(TlsVerificationResult verification, IReadOnlyList<TlsCertificateInfo> peer) => new()
    {
        Role = TlsRole.Client,
        ProtocolVersion = TlsProtocolVersion.Tls13,
        CipherSuite = TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        ApplicationProtocol = "h2",
        OfferedApplicationProtocols = ["h2", "http/1.1"],
        ServerName = "api.test",
        Resumed = false,
        ResumptionOffered = false,
        HandshakeDuration = TimeSpan.FromMilliseconds(3.5),
        CompletedAt = LeafStart,
        PeerCertificates = peer,
        Verification = verification,
        ClientRandom = null,
    };
}
