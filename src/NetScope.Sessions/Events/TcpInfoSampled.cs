using NetScope.Sessions.Transports;

namespace NetScope.Sessions.Events;

/// <summary>The kernel's view of a session's TCP connection (Linux TCP_INFO), sampled while it is open.</summary>
/// <param name="SessionId">The session.</param>
/// <param name="TransportId">The TCP transport sampled.</param>
/// <param name="Sample">The sample.</param>
public sealed record TcpInfoSampled(long SessionId, long TransportId, KernelSample Sample) : WorkspaceEvent;
