namespace NetScope.Core.Tls;

/// <summary>
/// A sans-I/O reader of the unencrypted start of a TLS connection. The engine feeds it every byte that
/// crosses the wire in each direction while the handshake runs; it reassembles records and handshake
/// messages across any chunking and keeps what the platform does not report: the ClientHello (SNI, ALPN
/// offer, random), the ServerHello (resumption), plaintext alerts, and whether the peer speaks TLS at all.
/// </summary>
internal sealed class TlsHandshakeObserver
{
    private const byte ChangeCipherSpecRecord = 20;
    private const byte AlertRecord = 21;
    private const byte HandshakeRecord = 22;
    private const byte ClientHelloMessage = 1;
    private const byte ServerHelloMessage = 2;

    /// <summary>TLSCiphertext may exceed 2^14 by up to 256 bytes (RFC 8446 §5.2); TLS 1.2 allowed 2048.</summary>
    private const int MaxRecordLength = (1 << 14) + 2048;

    /// <summary>Enough for any hello; a TLS 1.2 certificate chain beyond this is simply not parsed.</summary>
    private const int MaxHandshakeBuffer = 128 * 1024;

    private readonly Direction _inbound;
    private readonly Direction _outbound;

    public TlsHandshakeObserver(TlsRole role)
    {
        _inbound = new Direction(isInbound: true, fromClient: role == TlsRole.Server);
        _outbound = new Direction(isInbound: false, fromClient: role == TlsRole.Client);
    }

    public ClientHelloInfo? ClientHello { get; private set; }

    /// <summary>The final ServerHello (a HelloRetryRequest is not kept here).</summary>
    public ServerHelloInfo? ServerHello { get; private set; }

    public bool HelloRetryRequested { get; private set; }

    /// <summary>The first plaintext alert the peer sent.</summary>
    public TlsAlert? AlertReceived { get; private set; }

    /// <summary>The first plaintext alert this side sent.</summary>
    public TlsAlert? AlertSent { get; private set; }

    /// <summary>Set when the peer's first bytes cannot start a TLS connection.</summary>
    public NonTlsPeer? NonTls { get; private set; }

    /// <summary>True when the ServerHello shows an accepted session from an earlier connection.</summary>
    public bool Resumed
    {
        get
        {
            if (ServerHello is null)
            {
                return false;
            }

            if (ServerHello.Version >= ServerHelloInfo.Tls13)
            {
                return ServerHello.AcceptedPreSharedKey;
            }

            // TLS 1.2: the server echoes the client's session ID exactly when it resumes, for session IDs and
            // for tickets alike (RFC 5077 §3.4). TLS 1.3 echoes it always, hence the version check above.
            return ClientHello is { SessionId.Length: > 0 }
                && ClientHello.SessionId.AsSpan().SequenceEqual(ServerHello.SessionId);
        }
    }

    /// <summary>
    /// True when the ClientHello offered an earlier session: a pre-shared key (TLS 1.3), or a session ticket
    /// or session ID (TLS 1.2; a TLS 1.3 hello always carries a random session ID, so it does not count).
    /// </summary>
    public bool ResumptionOffered => ClientHello is { } hello && (ServerHello is { Version: >= ServerHelloInfo.Tls13 }
        ? hello.OffersPreSharedKey
        : hello.OffersSessionTicket || hello.SessionId.Length > 0);

    public void ObserveInbound(ReadOnlySpan<byte> bytes) => Observe(_inbound, bytes);

    public void ObserveOutbound(ReadOnlySpan<byte> bytes) => Observe(_outbound, bytes);

    private void Observe(Direction direction, ReadOnlySpan<byte> bytes)
    {
        if (direction.Stopped || bytes.IsEmpty)
        {
            return;
        }

        if (direction.IsInbound && !CheckStartsAsTls(direction, bytes))
        {
            return;
        }

        while (!bytes.IsEmpty && !direction.Stopped)
        {
            if (direction.HeaderLength < 5)
            {
                var take = Math.Min(5 - direction.HeaderLength, bytes.Length);
                bytes[..take].CopyTo(direction.Header.AsSpan(direction.HeaderLength));
                direction.HeaderLength += take;
                bytes = bytes[take..];
                if (direction.HeaderLength == 5)
                {
                    BeginRecord(direction);
                }

                continue;
            }

            var n = Math.Min(bytes.Length, direction.BodyRemaining);
            RecordBody(direction, bytes[..n]);
            bytes = bytes[n..];
            direction.BodyRemaining -= n;
            if (direction.BodyRemaining == 0)
            {
                EndRecord(direction);
            }
        }
    }

    /// <summary>Checks the first three bytes the peer sends; on failure records <see cref="NonTls"/> and stops.</summary>
    private bool CheckStartsAsTls(Direction direction, ReadOnlySpan<byte> bytes)
    {
        if (direction.Prefix.Count >= NonTlsPeer.MaxPrefix)
        {
            return true;
        }

        var take = Math.Min(bytes.Length, NonTlsPeer.MaxPrefix - direction.Prefix.Count);
        var checkedBefore = Math.Min(direction.Prefix.Count, 3);
        direction.Prefix.AddRange(bytes[..take]);
        if (checkedBefore == 3)
        {
            return true;
        }

        var first = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(direction.Prefix);
        if (NonTlsPeer.CanStartTls(first[..Math.Min(first.Length, 3)]))
        {
            return true;
        }

        NonTls = NonTlsPeer.Describe(first);
        direction.Stopped = true;
        return false;
    }

    private static void BeginRecord(Direction direction)
    {
        direction.RecordType = direction.Header[0];
        direction.BodyLength = (direction.Header[3] << 8) | direction.Header[4];
        direction.BodyRemaining = direction.BodyLength;
        direction.AlertLength = 0;
        if (direction.BodyLength > MaxRecordLength || direction.Header[1] != 3)
        {
            // Not a record we can follow (garbage after the start, or a framing we do not know): stop quietly
            // and leave the verdict to the TLS library.
            direction.Stopped = true;
            return;
        }

        if (direction.BodyLength == 0)
        {
            EndRecordWithoutBody(direction);
        }
    }

    private static void EndRecordWithoutBody(Direction direction) => direction.HeaderLength = 0;

    private void RecordBody(Direction direction, ReadOnlySpan<byte> body)
    {
        switch (direction.RecordType)
        {
            case HandshakeRecord when !direction.HandshakeStopped:
                if (direction.Handshake.Count + body.Length > MaxHandshakeBuffer)
                {
                    direction.HandshakeStopped = true;
                    direction.Handshake.Clear();
                    return;
                }

                direction.Handshake.AddRange(body);
                ParseHandshakeMessages(direction);
                break;

            case AlertRecord when direction.BodyLength == 2:
                // Exactly two bytes is a plaintext alert; encrypted alerts carry an AEAD tag and are longer.
                foreach (var b in body)
                {
                    direction.Alert[direction.AlertLength++] = b;
                }

                break;
        }
    }

    private void EndRecord(Direction direction)
    {
        direction.HeaderLength = 0;
        switch (direction.RecordType)
        {
            case AlertRecord when direction.AlertLength == 2:
                var alert = new TlsAlert(direction.Alert[0] == 2, direction.Alert[1], direction.IsInbound);
                if (direction.IsInbound)
                {
                    AlertReceived ??= alert;
                }
                else
                {
                    AlertSent ??= alert;
                }

                break;

            case ChangeCipherSpecRecord when ServerHello is { Version: < ServerHelloInfo.Tls13 }:
                // TLS 1.2: what follows ChangeCipherSpec is encrypted, even inside handshake records.
                // (TLS 1.3's ChangeCipherSpec is a middlebox-compatibility dummy and changes nothing.)
                direction.HandshakeStopped = true;
                direction.Handshake.Clear();
                break;
        }
    }

    private void ParseHandshakeMessages(Direction direction)
    {
        var buffer = direction.Handshake;
        var consumed = 0;
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer);
        while (span.Length - consumed >= 4)
        {
            var type = span[consumed];
            var length = (span[consumed + 1] << 16) | (span[consumed + 2] << 8) | span[consumed + 3];
            if (length > MaxHandshakeBuffer)
            {
                direction.HandshakeStopped = true;
                buffer.Clear();
                return;
            }

            if (span.Length - consumed - 4 < length)
            {
                break;
            }

            HandleHandshakeMessage(direction, type, span.Slice(consumed + 4, length));
            consumed += 4 + length;
        }

        buffer.RemoveRange(0, consumed);
    }

    private void HandleHandshakeMessage(Direction direction, byte type, ReadOnlySpan<byte> body)
    {
        if (type == ClientHelloMessage && direction.FromClient)
        {
            ClientHello = ClientHelloInfo.Parse(body) ?? ClientHello;
        }
        else if (type == ServerHelloMessage && !direction.FromClient)
        {
            var hello = ServerHelloInfo.Parse(body);
            if (hello is null)
            {
                return;
            }

            if (hello.IsHelloRetryRequest)
            {
                HelloRetryRequested = true;
            }
            else
            {
                ServerHello = hello;
            }
        }
    }

    private sealed class Direction(bool isInbound, bool fromClient)
    {
        public bool IsInbound { get; } = isInbound;

        public bool FromClient { get; } = fromClient;

        public List<byte> Prefix { get; } = [];

        public byte[] Header { get; } = new byte[5];

        public int HeaderLength { get; set; }

        public byte RecordType { get; set; }

        public int BodyLength { get; set; }

        public int BodyRemaining { get; set; }

        public byte[] Alert { get; } = new byte[2];

        public int AlertLength { get; set; }

        public List<byte> Handshake { get; } = [];

        public bool HandshakeStopped { get; set; }

        public bool Stopped { get; set; }
    }
}
