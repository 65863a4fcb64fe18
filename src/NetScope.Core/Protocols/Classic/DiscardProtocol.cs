namespace NetScope.Core.Protocols.Classic;

/// <summary>The Discard protocol (RFC 863, Twisted's <c>Discard</c>): everything received is thrown away.</summary>
public class DiscardProtocol : Protocol
{
    /// <summary>Bytes discarded so far.</summary>
    public long BytesDiscarded { get; private set; }

    /// <summary>Counts <paramref name="data"/> and drops it.</summary>
    public override void DataReceived(ReadOnlySpan<byte> data) => BytesDiscarded += data.Length;
}
