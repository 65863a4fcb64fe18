namespace NetScope.Sessions.Rendering;

/// <summary>What a chain tree shows besides states and outcomes.</summary>
public sealed record ChainTreeOptions
{
    /// <summary>The defaults: link durations and creation sites shown.</summary>
    public static ChainTreeOptions Default { get; } = new();

    /// <summary>Ends each link that ran with how long its function took ("in 12 µs"). Defaults to <see langword="true"/>.</summary>
    public bool LinkDurations { get; init; } = true;

    /// <summary>Adds a "created at" line under a Deferred whose creation site was captured (debug mode). Defaults to <see langword="true"/>.</summary>
    public bool CreationSites { get; init; } = true;
}
