using System.Text;
using CsCheck;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>The sans-I/O handshake reader, fed real handshakes in every chunk size and non-TLS openings.</summary>
public sealed class TlsHandshakeObserverTests : IDisposable
{
    private readonly TestLoop _loop = new();

    public void Dispose() => _loop.Dispose();

    private Task<HandshakeTranscript> RecordAsync(TlsProtocolVersion max) => HandshakeTranscript.RecordAsync(
        _loop,
        new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TestCertificates.Instance.CaCollection,
            ApplicationProtocols = ["h2", "http/1.1"],
            MaxVersion = max,
            AllowResumption = false,
        },
        new TlsServerOptions(TestCertificates.Instance.Localhost) { ApplicationProtocols = ["h2"], AllowResumption = false });

    [Theory]
    [InlineData(TlsProtocolVersion.Tls13, 0x0304)]
    [InlineData(TlsProtocolVersion.Tls12, 0x0303)]
    public async Task Reads_the_hellos_of_a_real_handshake_whatever_the_chunk_size(TlsProtocolVersion max, int wireVersion)
    {
        var transcript = await RecordAsync(max);
        var whole = transcript.Observe(TlsRole.Client, int.MaxValue);

        Assert.Equal("localhost", whole.ClientHello!.ServerName);
        Assert.Equal(["h2", "http/1.1"], whole.ClientHello.ApplicationProtocols);
        Assert.Equal(wireVersion, whole.ServerHello!.Version);
        Assert.False(whole.Resumed);
        Assert.Null(whole.AlertReceived);
        Assert.Null(whole.NonTls);

        Gen.Int[1, 600].Sample(chunk =>
        {
            foreach (var role in new[] { TlsRole.Client, TlsRole.Server })
            {
                var observer = transcript.Observe(role, chunk);
                Assert.Equal(whole.ClientHello.Random, observer.ClientHello!.Random);
                Assert.Equal(whole.ClientHello.ServerName, observer.ClientHello.ServerName);
                Assert.Equal(whole.ClientHello.ApplicationProtocols, observer.ClientHello.ApplicationProtocols);
                Assert.Equal(whole.ServerHello.Version, observer.ServerHello!.Version);
                Assert.Equal(whole.ServerHello.CipherSuite, observer.ServerHello.CipherSuite);
                Assert.Null(observer.NonTls);
                Assert.Null(observer.AlertSent);
            }
        });
    }

    [Fact]
    public async Task Reads_a_handshake_fed_one_byte_at_a_time()
    {
        var transcript = await RecordAsync(TlsProtocolVersion.Tls13);

        var observer = transcript.Observe(TlsRole.Server, 1);

        Assert.Equal("localhost", observer.ClientHello!.ServerName);
        Assert.Equal(0x0304, observer.ServerHello!.Version);
    }

    [Theory]
    [InlineData("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", "peer is not speaking TLS: it sent an HTTP response: \"HTTP/1.1 400 Bad Request\"")]
    [InlineData("GET / HTTP/1.1\r\n", "peer is not speaking TLS: it sent an HTTP request: \"GET / HTTP/1.1\"")]
    [InlineData("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", "peer is not speaking TLS: it sent an SSH banner: \"SSH-2.0-OpenSSH_9.2p1 Debian-2\"")]
    [InlineData("220 mail.example.com ESMTP Postfix\r\n", "peer is not speaking TLS: it sent an SMTP or FTP greeting: \"220 mail.example.com ESMTP Postfix\"")]
    [InlineData("+OK POP3 ready\r\n", "peer is not speaking TLS: it sent a POP3 greeting: \"+OK POP3 ready\"")]
    [InlineData("* OK IMAP4rev1\r\n", "peer is not speaking TLS: it sent an IMAP greeting: \"* OK IMAP4rev1\"")]
    [InlineData("\u0000\u0001\"x", "peer is not speaking TLS: it sent data that is not a TLS record: \"\\x00\\x01\\x22x\"")]
    [InlineData("\u0016\u0002\u0000", "peer is not speaking TLS: it sent data that is not a TLS record: \"\\x16\\x02\\x00\"")]
    public void Recognises_a_peer_that_does_not_speak_tls_from_its_first_bytes(string opening, string message)
    {
        var observer = new TlsHandshakeObserver(TlsRole.Client);

        observer.ObserveInbound(Encoding.Latin1.GetBytes(opening));

        Assert.Equal(message, observer.NonTls?.ToMessage());
    }

    [Fact]
    public void Names_the_first_line_only_and_cuts_long_ones()
    {
        var observer = new TlsHandshakeObserver(TlsRole.Server);

        observer.ObserveInbound(Encoding.ASCII.GetBytes("GET /" + new string('a', 100) + " HTTP/1.1\r\n"));

        Assert.Equal($"peer is not speaking TLS: it sent an HTTP request: \"GET /{new string('a', 55)}...\"", observer.NonTls?.ToMessage());
    }

    [Theory]
    [InlineData(new byte[] { 0x16, 0x03, 0x01 })]
    [InlineData(new byte[] { 0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x46 })]
    public void Accepts_the_start_of_a_handshake_or_an_alert(byte[] opening)
    {
        var observer = new TlsHandshakeObserver(TlsRole.Client);

        foreach (var b in opening)
        {
            observer.ObserveInbound([b]);
        }

        Assert.Null(observer.NonTls);
    }

    [Fact]
    public void Reports_a_plaintext_alert_split_across_chunks()
    {
        var observer = new TlsHandshakeObserver(TlsRole.Client);

        observer.ObserveInbound([0x15, 0x03]);
        observer.ObserveInbound([0x03, 0x00, 0x02, 0x02]);
        observer.ObserveInbound([0x46]);

        Assert.Equal(new TlsAlert(Fatal: true, Description: 70, FromPeer: true), observer.AlertReceived);
        Assert.Equal("protocol_version", observer.AlertReceived!.Name);
    }
}
