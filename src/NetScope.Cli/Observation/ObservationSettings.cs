namespace NetScope.Cli.Observation;

/// <summary>The checked values of <see cref="ObservationOptions"/>.</summary>
/// <param name="TracePath">Where to write the trace: a file, "-" for stderr, or <see langword="null"/> for none.</param>
/// <param name="Chains">Print the chain trees at exit.</param>
/// <param name="Timing">Print the phase timings at exit.</param>
internal sealed record ObservationSettings(string? TracePath, bool Chains, bool Timing)
{
    /// <summary>Whether the run needs Deferreds observed.</summary>
    public bool ObserveDeferreds => TracePath is not null || Chains;
}
