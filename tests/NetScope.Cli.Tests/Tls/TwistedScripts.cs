namespace NetScope.Cli.Tests.Tls;

/// <summary>The small Twisted servers the tests run (with /usr/bin/python3), each printing <c>PORT n</c> when ready.</summary>
internal static class TwistedScripts
{
    private const string LoadOptions = """
        import sys
        from OpenSSL import crypto
        from twisted.internet import reactor, ssl, protocol

        cert = crypto.load_certificate(crypto.FILETYPE_PEM, open(sys.argv[1], "rb").read())
        key = crypto.load_privatekey(crypto.FILETYPE_PEM, open(sys.argv[2], "rb").read())
        options = ssl.CertificateOptions(privateKey=key, certificate=cert, acceptableProtocols=[b"h2", b"http/1.1"])

        """;

    /// <summary>A TLS server that, once the handshake completes, says which SNI and ALPN it saw, then echoes.</summary>
    public const string HandshakeReporter = LoadOptions + """
        from twisted.internet.interfaces import IHandshakeListener
        from zope.interface import implementer

        @implementer(IHandshakeListener)
        class Report(protocol.Protocol):
            def handshakeCompleted(self):
                sni = self.transport.getHandle().get_servername() or b"-"
                alpn = self.transport.negotiatedProtocol or b"-"
                self.transport.write(b"sni=" + sni + b" alpn=" + alpn + b"\n")

            def dataReceived(self, data):
                self.transport.write(data)

        port = reactor.listenSSL(0, protocol.Factory.forProtocol(Report), options, interface="127.0.0.1")
        print("PORT", port.getHost().port, flush=True)
        reactor.run()
        """;

    /// <summary>An SMTP-like server that upgrades with Twisted's own <c>transport.startTLS</c>.</summary>
    public const string StartTlsServer = LoadOptions + """
        from twisted.protocols.basic import LineReceiver

        class Smtp(LineReceiver):
            tls = False

            def connectionMade(self):
                self.sendLine(b"220 twisted ESMTP")

            def lineReceived(self, line):
                verb = line.split(b" ")[0].upper()
                if verb == b"EHLO":
                    self.sendLine(b"250 twisted" if self.tls else b"250-twisted\r\n250 STARTTLS")
                elif verb == b"STARTTLS" and not self.tls:
                    self.sendLine(b"220 2.0.0 go ahead")
                    self.transport.startTLS(options)
                    self.tls = True
                elif verb == b"QUIT":
                    self.sendLine(b"221 bye")
                    self.transport.loseConnection()
                else:
                    self.sendLine(b"250 " + (b"tls" if self.tls else b"plain") + b" echo: " + line)

        port = reactor.listenTCP(0, protocol.Factory.forProtocol(Smtp), interface="127.0.0.1")
        print("PORT", port.getHost().port, flush=True)
        reactor.run()
        """;
}
