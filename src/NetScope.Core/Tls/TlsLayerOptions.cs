namespace NetScope.Core.Tls;

/// <summary>
/// How the TLS layer on the reactor runs an engine, whichever side it plays: the handshake's time limit and
/// the clock the engine reads. Share one instance between connections.
/// </summary>
public sealed class TlsLayerOptions
{
    /// <summary>The defaults: a 30-second handshake limit and the system clock.</summary>
    public static TlsLayerOptions Default { get; } = new();

    /// <summary>
    /// Seconds from the start of the handshake (the TCP connection for a wrapped factory, the call for
    /// STARTTLS) until the connection fails with <see cref="TlsFailureKind.HandshakeTimeout"/> and is
    /// aborted. Measured on the reactor's clock; 0 means no limit.
    /// </summary>
    /// <remarks>Defaults to 30 seconds.</remarks>
    public double HandshakeTimeoutSeconds { get; init; } = 30;

    /// <summary>
    /// The clock the engine times the handshake with and checks certificate validity against.
    /// </summary>
    /// <remarks>Defaults to null: <see cref="TimeProvider.System"/>.</remarks>
    public TimeProvider? TimeProvider { get; init; }
}
