namespace NetScope.Core.Tls;

/// <summary>The parts of a ServerHello (or HelloRetryRequest) the engine reports or decides on.</summary>
internal sealed record ServerHelloInfo
{
    public const ushort Tls12 = 0x0303;
    public const ushort Tls13 = 0x0304;

    private const ushort AlpnExtension = 16;
    private const ushort PreSharedKeyExtension = 41;
    private const ushort SupportedVersionsExtension = 43;

    /// <summary>The fixed random that marks a HelloRetryRequest (RFC 8446 §4.1.3).</summary>
    private static ReadOnlySpan<byte> HelloRetryRequestRandom =>
    [
        0xCF, 0x21, 0xAD, 0x74, 0xE5, 0x9A, 0x61, 0x11, 0xBE, 0x1D, 0x8C, 0x02, 0x1E, 0x65, 0xB8, 0x91,
        0xC2, 0xA2, 0x11, 0x16, 0x7A, 0xBB, 0x8C, 0x5E, 0x07, 0x9E, 0x09, 0xE2, 0xC8, 0xA8, 0x33, 0x9C,
    ];

    public required byte[] SessionId { get; init; }

    public required ushort CipherSuite { get; init; }

    /// <summary>The selected version: supported_versions when present, else legacy_version.</summary>
    public required ushort Version { get; init; }

    public required bool IsHelloRetryRequest { get; init; }

    /// <summary>The server accepted a pre-shared key: a TLS 1.3 resumption.</summary>
    public required bool AcceptedPreSharedKey { get; init; }

    /// <summary>The ALPN protocol when the ServerHello carries it (TLS 1.2 only; 1.3 encrypts it).</summary>
    public string? ApplicationProtocol { get; init; }

    /// <summary>Parses the body of a ServerHello handshake message (without its 4-byte header).</summary>
    public static ServerHelloInfo? Parse(ReadOnlySpan<byte> body)
    {
        var reader = new TlsWireReader(body);
        if (!reader.TryReadUInt16(out var legacyVersion)
            || !reader.TryReadBytes(32, out var random)
            || !reader.TryReadVector8(out var sessionId)
            || !reader.TryReadUInt16(out var cipherSuite)
            || !reader.TryReadUInt8(out _))
        {
            return null;
        }

        var version = legacyVersion;
        var psk = false;
        string? alpn = null;
        if (!TlsExtensionReader.TryOpen(ref reader, out var extensions))
        {
            return null;
        }

        while (!extensions.IsEmpty)
        {
            if (!extensions.TryReadNext(out var type, out var data))
            {
                return null;
            }

            switch (type)
            {
                case SupportedVersionsExtension:
                    var versionReader = new TlsWireReader(data);
                    if (versionReader.TryReadUInt16(out var selected))
                    {
                        version = selected;
                    }

                    break;
                case PreSharedKeyExtension:
                    psk = true;
                    break;
                case AlpnExtension:
                    var protocols = new List<string>();
                    ClientHelloInfo.ParseProtocolList(data, protocols);
                    alpn = protocols.FirstOrDefault();
                    break;
            }
        }

        return new ServerHelloInfo
        {
            SessionId = sessionId.ToArray(),
            CipherSuite = cipherSuite,
            Version = version,
            IsHelloRetryRequest = random.SequenceEqual(HelloRetryRequestRandom),
            AcceptedPreSharedKey = psk,
            ApplicationProtocol = alpn,
        };
    }
}
