namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// Receives and sends strings prefixed by their length as an unsigned 8-bit
/// integer (1 byte), Twisted's <c>Int8StringReceiver</c>. Override <c>StringReceived</c>.
/// </summary>
public abstract class Int8StringReceiver : IntNStringReceiver
{
    /// <summary>Creates the receiver.</summary>
    protected Int8StringReceiver()
        : base(1)
    {
    }
}
