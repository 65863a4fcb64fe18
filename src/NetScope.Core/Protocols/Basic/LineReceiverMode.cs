namespace NetScope.Core.Protocols.Basic;

/// <summary>How a <see cref="LineReceiver"/> delivers what it receives.</summary>
public enum LineReceiverMode
{
    /// <summary>Split into lines at the delimiter, each passed to <c>LineReceived</c>.</summary>
    Line,

    /// <summary>Passed on as it arrives, to <c>RawDataReceived</c>.</summary>
    Raw,
}
