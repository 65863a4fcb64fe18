using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Time;
using NetScope.Core.Transports;

namespace NetScope.Testing;

/// <summary>
/// A <see cref="StringTransport"/> whose <see cref="LoseConnection"/> tells the protocol the
/// connection is gone (Twisted's <c>StringTransportWithDisconnection</c>).
/// </summary>
public class StringTransportWithDisconnection : StringTransport
{
    /// <summary>Creates the transport (see <see cref="StringTransport"/> for the defaults).</summary>
    public StringTransportWithDisconnection(EndPoint? hostAddress = null, EndPoint? peerAddress = null, bool lenient = false, IReactorTime? clock = null)
        : base(hostAddress, peerAddress, lenient, clock)
    {
    }

    /// <summary>The protocol told about the disconnection; <see cref="Connect"/> sets it.</summary>
    public IProtocol? Protocol { get; set; }

    /// <summary><see langword="true"/> until the connection is lost.</summary>
    public bool Connected { get; private set; } = true;

    /// <summary>Sets <see cref="Protocol"/> and connects it to this transport.</summary>
    public void Connect(IProtocol protocol)
    {
        Protocol = protocol ?? throw new ArgumentNullException(nameof(protocol));
        protocol.MakeConnection(this);
    }

    /// <summary>Closes the connection: the protocol's <c>ConnectionLost</c> runs at once with a <see cref="ConnectionDoneException"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Protocol"/> is not set.</exception>
    public override void LoseConnection() => Disconnect(new ConnectionDoneException("Bye."), aborted: false);

    /// <summary>Aborts the connection: the protocol's <c>ConnectionLost</c> runs at once with a <see cref="ConnectionAbortedException"/>.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Protocol"/> is not set.</exception>
    public override void AbortConnection() => Disconnect(new ConnectionAbortedException(), aborted: true);

    private void Disconnect(Exception reason, bool aborted)
    {
        if (!Connected)
        {
            return;
        }

        var protocol = Protocol ?? throw new InvalidOperationException("Set Protocol (or use Connect) before disconnecting.");
        Connected = false;
        Disconnecting = true;
        Aborted = aborted;
        Stats.Transition(TransportState.Closed, reason.Message);
        protocol.ConnectionLost(new Failure(reason));
    }
}
