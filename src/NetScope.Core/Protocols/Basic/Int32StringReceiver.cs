namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// Receives and sends strings prefixed by their length as an unsigned 32-bit big-endian
/// integer (4 bytes), Twisted's <c>Int32StringReceiver</c>. Override <c>StringReceived</c>.
/// </summary>
public abstract class Int32StringReceiver : IntNStringReceiver
{
    /// <summary>Creates the receiver.</summary>
    protected Int32StringReceiver()
        : base(4)
    {
    }
}
