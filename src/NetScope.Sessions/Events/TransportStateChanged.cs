using NetScope.Core.Transports;

namespace NetScope.Sessions.Events;

/// <summary>A session's transport changed state.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="TransportId">The transport.</param>
/// <param name="TransportKind">"tcp", "tls", ...</param>
/// <param name="State">The state entered.</param>
/// <param name="Reason">Why, for closes and failures (one line).</param>
public sealed record TransportStateChanged(long SessionId, long TransportId, string TransportKind, TransportState State, string? Reason) : WorkspaceEvent;
