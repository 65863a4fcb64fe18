using NetScope.Core.Tls;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;

namespace NetScope.Sessions.Kinds;

/// <summary>What to open for a TLS line/raw session.</summary>
/// <param name="Target">The host and port.</param>
/// <param name="Options">How to connect and what to verify (set the server name for SNI and the name check).</param>
public sealed record TlsSessionRequest(HostPort Target, TlsClientOptions Options)
{
    /// <summary>Line or raw framing of what arrives. <remarks>Defaults to line mode.</remarks></summary>
    public StreamMode Mode { get; init; } = StreamMode.Line;

    /// <summary>What sending a line appends. <remarks>Defaults to CRLF.</remarks></summary>
    public byte[] LineEnding { get; init; } = "\r\n"u8.ToArray();

    /// <summary>Seconds allowed for resolving and connecting. <remarks>Defaults to 30.</remarks></summary>
    public double TimeoutSeconds { get; init; } = 30;

    /// <summary>The handshake time limit and the engine's clock. <remarks>Defaults to <see cref="TlsLayerOptions.Default"/>.</remarks></summary>
    public TlsLayerOptions Layer { get; init; } = TlsLayerOptions.Default;
}
