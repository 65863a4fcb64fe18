namespace NetScope.Sessions.Timing;

/// <summary>One phase of a session, curl <c>-w</c> style.</summary>
/// <param name="Name">"dns", "connect", "tls", "first byte sent", "first byte received", or a session kind's own.</param>
/// <param name="At">Seconds from the session's start to the end of the phase (curl's <c>time_connect</c> and friends), or <see langword="null"/> if it was not reached.</param>
/// <param name="Took">How long the phase itself took (from the end of the phase before it), or <see langword="null"/> if not reached.</param>
public sealed record PhaseTiming(string Name, double? At, double? Took);
