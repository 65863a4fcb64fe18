using NetScope.Sessions.Health;

namespace NetScope.Sessions.Events;

/// <summary>The reactor's vital signs, sampled periodically.</summary>
/// <param name="Sample">The sample.</param>
public sealed record LoopHealthSampled(LoopHealthSample Sample) : WorkspaceEvent;
