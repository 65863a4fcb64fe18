using NetScope.Core.Transports;

namespace NetScope.Sessions.Events;

/// <summary>A transport was attributed to a session (a TCP connection, later a TLS layer over it).</summary>
/// <param name="SessionId">The session it belongs to.</param>
/// <param name="TransportId">The transport's process-unique number.</param>
/// <param name="TransportKind">"tcp", "tls", ...</param>
/// <param name="Layer">0 for the bottom transport of the session, 1 for one layered on it, ...</param>
/// <param name="State">Its state when attributed.</param>
public sealed record TransportOpened(long SessionId, long TransportId, string TransportKind, int Layer, TransportState State) : WorkspaceEvent;
