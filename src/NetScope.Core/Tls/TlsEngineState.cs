namespace NetScope.Core.Tls;

/// <summary>Where a <see cref="TlsEngine"/> is in its life.</summary>
public enum TlsEngineState
{
    /// <summary>Created; <see cref="TlsEngine.Start"/> has not been called.</summary>
    NotStarted,

    /// <summary>The handshake is in progress; plaintext written now is queued.</summary>
    Handshaking,

    /// <summary>The handshake completed; application data flows (possibly half-closed by close_notify).</summary>
    Established,

    /// <summary>Both directions are finished: close_notify went both ways, or the transport closed after a clean close.</summary>
    Closed,

    /// <summary>The engine reported a <see cref="TlsFailure"/> and does nothing more.</summary>
    Failed,
}
