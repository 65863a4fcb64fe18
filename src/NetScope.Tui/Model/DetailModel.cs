using NetScope.Sessions.Snapshots;

namespace NetScope.Tui.Model;

/// <summary>
/// What the detail tabs show about the selected session or listener, from its latest snapshot
/// (transcript entries left out: they live in the <see cref="TranscriptBuffer"/>).
/// </summary>
internal sealed record DetailModel
{
    /// <summary>The session or listener.</summary>
    public required long EntryId { get; init; }

    /// <summary>Workspace time of the snapshot.</summary>
    public required double Time { get; init; }

    /// <summary>The session, when a session is selected.</summary>
    public SessionSnapshot? Session { get; init; }

    /// <summary>The listener, when a listener is selected.</summary>
    public ListenerSnapshot? Listener { get; init; }

    /// <summary>The Deferreds tab's rows.</summary>
    public required IReadOnlyList<DeferredRow> Deferreds { get; init; }

    /// <summary>Bytes per second through the bottom transport (both ways), oldest first.</summary>
    public required IReadOnlyList<double> Throughput { get; init; }

    /// <summary>Smoothed round-trip times from TCP_INFO, in milliseconds, oldest first.</summary>
    public required IReadOnlyList<double> RoundTripMillis { get; init; }
}
