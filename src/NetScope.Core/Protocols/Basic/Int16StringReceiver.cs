namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// Receives and sends strings prefixed by their length as an unsigned 16-bit big-endian
/// integer (2 bytes), Twisted's <c>Int16StringReceiver</c>. Override <c>StringReceived</c>.
/// </summary>
public abstract class Int16StringReceiver : IntNStringReceiver
{
    /// <summary>Creates the receiver.</summary>
    protected Int16StringReceiver()
        : base(2)
    {
    }
}
