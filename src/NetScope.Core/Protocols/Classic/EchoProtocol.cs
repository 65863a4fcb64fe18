namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// The Echo protocol in raw mode (RFC 862, Twisted's <c>Echo</c>): every chunk received is
/// written straight back, as it arrived.
/// </summary>
public class EchoProtocol : Protocol
{
    /// <summary>Bytes echoed so far.</summary>
    public long BytesEchoed { get; private set; }

    /// <summary>Writes <paramref name="data"/> back.</summary>
    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        BytesEchoed += data.Length;
        Transport.Write(data);
    }
}
