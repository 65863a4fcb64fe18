namespace NetScope.Sessions.Events;

/// <summary>A session reached a phase milestone ("dns", "connect", "tls", "first byte sent", "first byte received", or a kind's own).</summary>
/// <param name="SessionId">The session.</param>
/// <param name="Phase">The milestone's name.</param>
/// <param name="SinceStart">Seconds from the session's start to the milestone.</param>
public sealed record PhaseReached(long SessionId, string Phase, double SinceStart) : WorkspaceEvent;
