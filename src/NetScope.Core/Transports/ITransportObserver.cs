namespace NetScope.Core.Transports;

/// <summary>
/// Receives state transitions of every transport while attached with
/// <see cref="TransportStats.SetObserver"/>. Byte counters are not pushed: read them from
/// <see cref="TransportStats"/> when sampling, so a fast connection costs the observer nothing.
/// </summary>
/// <remarks>Calls arrive on the reactor thread. Implementations must be quick and must not throw.</remarks>
public interface ITransportObserver
{
    /// <summary>A transport was created (<paramref name="stats"/> is its live record).</summary>
    void Opened(TransportStats stats);

    /// <summary>A transport changed state.</summary>
    void StateChanged(TransportStats stats, TransportStateChange change);
}
