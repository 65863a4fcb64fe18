namespace NetScope.Sessions.Timing;

/// <summary>A session's phase breakdown: the standard phases in order, then the kind's own milestones.</summary>
/// <param name="Phases">Every phase, reached or not.</param>
/// <param name="Total">Seconds from the session's start to its end (or to now while it is open).</param>
/// <param name="LineRoundTrips">Line-mode round trips, when any were measured.</param>
public sealed record PhaseTimings(IReadOnlyList<PhaseTiming> Phases, double Total, LineRoundTripStats? LineRoundTrips)
{
    /// <summary>The standard phase names, in order.</summary>
    public static IReadOnlyList<string> StandardPhases { get; } = ["dns", "connect", "tls", "first byte sent", "first byte received"];

    /// <summary>The phase named <paramref name="name"/>, or <see langword="null"/>.</summary>
    public PhaseTiming? Find(string name) => Phases.FirstOrDefault(p => p.Name == name);
}
