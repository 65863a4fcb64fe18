using NetScope.Core.Protocols.Classic;

namespace NetScope.Sessions.Listeners;

/// <summary>What to listen with and where.</summary>
/// <param name="Kind">The protocol served.</param>
/// <param name="Host">The address to bind: an IP literal (127.0.0.1 by default; 0.0.0.0 or :: for all).</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="Framing">Line or raw, for the kinds where it means something (echo, chat).</param>
/// <param name="MaxConnections">Connections served at once; more are refused (closed at once). 0 means no limit.</param>
/// <param name="IdleTimeoutSeconds">Close a connection after this long with no bytes either way. 0 means never.</param>
/// <param name="Quote">The quote a qotd listener sends; <see langword="null"/> for the default.</param>
public sealed record ListenerSettings(
    ListenerKind Kind,
    string Host = "127.0.0.1",
    int Port = 0,
    FramingMode Framing = FramingMode.Raw,
    int MaxConnections = 0,
    double IdleTimeoutSeconds = 0,
    string? Quote = null);
