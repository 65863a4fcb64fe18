using System.Text;

namespace NetScope.Core.Tls;

/// <summary>The parts of a ClientHello the engine reports or decides on.</summary>
internal sealed record ClientHelloInfo
{
    private const ushort ServerNameExtension = 0;
    private const ushort AlpnExtension = 16;
    private const ushort SessionTicketExtension = 35;
    private const ushort PreSharedKeyExtension = 41;

    public required byte[] Random { get; init; }

    public required byte[] SessionId { get; init; }

    public string? ServerName { get; init; }

    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];

    public bool OffersPreSharedKey { get; init; }

    public bool OffersSessionTicket { get; init; }

    /// <summary>Parses the body of a ClientHello handshake message (without its 4-byte header).</summary>
    public static ClientHelloInfo? Parse(ReadOnlySpan<byte> body)
    {
        var reader = new TlsWireReader(body);
        if (!reader.TryReadUInt16(out _)
            || !reader.TryReadBytes(32, out var random)
            || !reader.TryReadVector8(out var sessionId)
            || !reader.TryReadVector16(out _)
            || !reader.TryReadVector8(out _))
        {
            return null;
        }

        string? serverName = null;
        var alpn = new List<string>();
        bool psk = false, ticket = false;
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
                case ServerNameExtension:
                    serverName = ParseServerName(data);
                    break;
                case AlpnExtension:
                    ParseProtocolList(data, alpn);
                    break;
                case PreSharedKeyExtension:
                    psk = true;
                    break;
                case SessionTicketExtension:
                    ticket = data.Length > 0;
                    break;
            }
        }

        return new ClientHelloInfo
        {
            Random = random.ToArray(),
            SessionId = sessionId.ToArray(),
            ServerName = serverName,
            ApplicationProtocols = alpn,
            OffersPreSharedKey = psk,
            OffersSessionTicket = ticket,
        };
    }

    /// <summary>Reads an ALPN ProtocolNameList (RFC 7301 §3.1) into <paramref name="protocols"/>.</summary>
    internal static void ParseProtocolList(ReadOnlySpan<byte> data, List<string> protocols)
    {
        var reader = new TlsWireReader(data);
        if (!reader.TryReadVector16(out var list))
        {
            return;
        }

        var listReader = new TlsWireReader(list);
        while (listReader.TryReadVector8(out var name))
        {
            protocols.Add(Encoding.ASCII.GetString(name));
        }
    }

    private static string? ParseServerName(ReadOnlySpan<byte> data)
    {
        var reader = new TlsWireReader(data);
        if (!reader.TryReadVector16(out var list))
        {
            return null;
        }

        var listReader = new TlsWireReader(list);
        while (listReader.TryReadUInt8(out var nameType) && listReader.TryReadVector16(out var name))
        {
            if (nameType == 0)
            {
                return Encoding.ASCII.GetString(name);
            }
        }

        return null;
    }
}
