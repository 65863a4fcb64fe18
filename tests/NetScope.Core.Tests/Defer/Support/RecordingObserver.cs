using System.Collections.Concurrent;
using System.Globalization;
using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Defer.Support;

/// <summary>
/// Records what an <see cref="IDeferredObserver"/> is told, as readable lines, for the Deferreds
/// a test labelled (other Deferreds of the process, if any, are ignored). It holds Deferreds
/// weakly, so recording does not keep them from being collected.
/// </summary>
internal sealed class RecordingObserver : IDeferredObserver
{
    private readonly ConcurrentQueue<(WeakReference<Deferred>? Deferred, string? Label, string Line)> _events = new();

    /// <summary>The lines about labelled Deferreds, in order; each starts with the Deferred's label.</summary>
    public IReadOnlyList<string> Lines(params string[] labels) =>
        _events
            .Select(e => (Label: LabelOf(e.Deferred) ?? e.Label, e.Line))
            .Where(e => e.Label is not null && labels.Contains(e.Label))
            .Select(e => $"{e.Label}: {e.Line}")
            .ToList();

    public void Created(Deferred deferred) => Add(deferred, "created");

    public void CallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback) =>
        Add(deferred, string.Create(CultureInfo.InvariantCulture, $"link {index} added: {CallableNames.Describe(callback)} / {CallableNames.Describe(errback)}"));

    public void Fired(Deferred deferred, object? result) => Add(deferred, "fired with " + Describe(result));

    public void StepRan(Deferred deferred, in DeferredStep step)
    {
        var what = step.HandedToWaiter ? "handed to waiter"
            : !step.Invoked ? "passed through"
            : step.OnErrbackPath ? "errback ran" : "callback ran";
        Add(deferred, string.Create(CultureInfo.InvariantCulture, $"link {step.Index} {what} -> {Describe(step.Outcome)}"));
    }

    public void PauseChanged(Deferred deferred, int pauseCount) =>
        Add(deferred, string.Create(CultureInfo.InvariantCulture, $"pause count {pauseCount}"));

    public void Chained(Deferred deferred, Deferred waitingOn) => Add(deferred, "waits on " + Describe(waitingOn));

    public void Awaiting(Deferred deferred, Deferred awaited, int linkIndex) =>
        Add(deferred, string.Create(CultureInfo.InvariantCulture, $"awaits {Describe(awaited)} (resumed by its link {linkIndex})"));

    public void Cancelled(Deferred deferred) => Add(deferred, "cancelled");

    public void FailureLeftUnhandled(Deferred deferred, Failure failure) => Add(deferred, "failure left unhandled: " + failure.GetBriefTraceback());

    public void UnhandledFailureCleared(Deferred deferred) => Add(deferred, "unhandled failure cleared");

    public void UnhandledFailureFinalized(long deferredId, string? label, Failure failure) =>
        _events.Enqueue((null, label, "collected with unhandled failure: " + failure.GetBriefTraceback()));

    private static string Describe(object? value) => value switch
    {
        Deferred d when d.Label is not null => d.Label,
        Failure f => f.GetBriefTraceback(),
        _ => Deferred.DescribeValue(value),
    };

    private static string? LabelOf(WeakReference<Deferred>? reference) =>
        reference is not null && reference.TryGetTarget(out var deferred) ? deferred.Label : null;

    private void Add(Deferred deferred, string line) => _events.Enqueue((new WeakReference<Deferred>(deferred), deferred.Label, line));
}
