using System.Diagnostics;
using NetScope.Core.Defer;
using NetScope.Sessions.Events;
using NetScope.Sessions.Rendering;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Deferreds;

/// <content>What the observation hub reports, turned into records and events.</content>
internal sealed partial class DeferredTracker
{
    private const string AwaitSuffix = " (await)";
    private static readonly ChainTreeOptions UnhandledChainOptions = new() { CreationSites = false };

    public void OnCreated(Deferred deferred, WorkspaceEntry owner) => Track(deferred, owner, adopted: false);

    public void OnCallbacksAdded(Deferred deferred, int index, Delegate? callback, Delegate? errback)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        Announce(record);
        var callbackName = LinkNames.Describe(callback);
        var errbackName = LinkNames.Describe(errback);
        DeferredRecord? resumes = null;
        if (record.PendingAwait is { } pending && pending.Index == index)
        {
            // The link the awaiting method announced: name its await row after the method.
            resumes = pending.Method;
            record.PendingAwait = null;
            foreach (var row in resumes.Links)
            {
                if (row.Kind == DeferredLinkKind.Await && row.WaitingOn == record && !row.Reached)
                {
                    // The tag "aw" says it is an await; the name is the method's.
                    var method = callbackName.EndsWith(AwaitSuffix, StringComparison.Ordinal) ? callbackName[..^AwaitSuffix.Length] : callbackName;
                    row.Callback = row.Errback = method;
                }
            }
        }

        if (record.Links.Count < MaxLinks)
        {
            record.Links.Add(new DeferredLinkRecord(index, DeferredLinkKind.Callbacks, callbackName, errbackName)
            {
                IsAwait = CallableNames.IsAsyncContinuation(callback),
                Resumes = resumes,
            });
        }
        else
        {
            record.LinksNotShown++;
        }

        // A link added to a fired Deferred runs at once: until it has, the chain is not settled.
        record.SettledAt = null;
        Publish(new DeferredLinkAdded(record.Owner.Id, record.Number, index, callbackName, errbackName));
    }

    public void OnFired(Deferred deferred, object? result)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        Announce(record);
        var now = _workspace.Now;
        if (!record.Fired)
        {
            // An awaiting method or a ChainDeferred target waits until it fires, no longer.
            record.WaitingOn = null;
        }

        record.Fired = true;
        record.FiredAt = now;
        SetOutcome(record, result);
        record.FiredOutcome = record.Outcome;
        record.FiredWithFailure = result is Failure;
        if (deferred.PendingLinkCount == 0 && deferred.PauseCount == 0)
        {
            record.SettledAt = now;
        }

        Publish(new DeferredFired(record.Owner.Id, record.Number, result is Failure, record.Outcome!));
    }

    public void OnStepRan(Deferred deferred, in DeferredStep step)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        Announce(record);
        var now = _workspace.Now;
        var link = record.Link(step.Index, MaxLinks);
        var input = record.Outcome;
        var inputIsFailure = record.OutcomeIsFailure;
        if (link is not null)
        {
            link.Input = input;
            link.InputIsFailure = inputIsFailure;
        }

        long? waitingOn = null;
        string outcome;
        if (step.HandedToWaiter)
        {
            var waiter = link?.HandsTo;
            if (waiter is not null)
            {
                waiter.WaitingOn = null;
                waiter.Outcome = record.Outcome;
                waiter.OutcomeIsFailure = record.OutcomeIsFailure;
                waiter.OutcomeIsCancellation = record.OutcomeIsCancellation;
                record.HandedTo = waiter;
            }

            outcome = record.Outcome ?? "null";
            if (link is not null)
            {
                link.Kind = DeferredLinkKind.Continuation;
                Reach(link, step, outcome, record.OutcomeIsFailure);
            }

            record.SettledAt = now;
        }
        else if (step.Outcome is Deferred inner && record.WaitingOn is { } waited && waited.DeferredId == inner.Id)
        {
            waitingOn = waited.Number;
            outcome = $"waiting on #{waited.Number}";
            if (link is not null)
            {
                link.WaitingOn = waited;
                Reach(link, step, outcome, failure: false);
            }
        }
        else
        {
            SetOutcome(record, step.Outcome);
            outcome = record.Outcome!;
            if (link is not null)
            {
                Reach(link, step, outcome, record.OutcomeIsFailure);
            }

            if (record.FiredWithFailure && record.HandledBy is null && step.Invoked && step.OnErrbackPath && step.Outcome is not Failure)
            {
                record.HandledBy = "eb " + (link?.Errback ?? "(link not kept)");
            }

            if (link?.Resumes is { } method)
            {
                Resumed(method, record, input ?? "null", inputIsFailure);
            }

            if (deferred.PendingLinkCount == 0 && deferred.PauseCount == 0)
            {
                record.SettledAt = now;
            }
        }

        var name = link?.Name ?? "(link not kept)";
        Publish(new DeferredStepRan(
            record.Owner.Id,
            record.Number,
            step.Index,
            step.OnErrbackPath,
            step.Invoked,
            name,
            outcome,
            !step.HandedToWaiter && step.Outcome is Failure || step.HandedToWaiter && record.OutcomeIsFailure,
            waitingOn,
            Seconds(step.ElapsedTicks)));
    }

    public void OnPauseChanged(Deferred deferred, int pauseCount)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        record.PauseCount = pauseCount;
        if (pauseCount == 0 && record.Fired && record.WaitingOn is null && deferred.PendingLinkCount == 0)
        {
            record.SettledAt = _workspace.Now;
        }

        Publish(new DeferredPauseChanged(record.Owner.Id, record.Number, pauseCount, record.WaitingOn?.Number));
    }

    public void OnChained(Deferred deferred, Deferred waitingOn)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        if (FindOrAdopt(waitingOn, record) is not { } inner)
        {
            return;
        }

        Announce(inner);
        record.WaitingOn = inner;
        record.SettledAt = null;
        var index = waitingOn.LinkCount - 1;
        var handOver = $"(result to #{record.Number})";
        if (!record.Fired && inner.Links.Find(l => l.Index == index) is { } chainLink)
        {
            // ChainDeferred: the link is a real one of the chain, which fires the waiting Deferred.
            chainLink.Callback = chainLink.Errback = $"ChainDeferred #{record.Number}";
            chainLink.HandsTo = record;
        }
        else if (inner.Links.Count < MaxLinks)
        {
            inner.Links.Add(new DeferredLinkRecord(index, DeferredLinkKind.Continuation, handOver, handOver) { HandsTo = record });
        }
        else
        {
            inner.LinksNotShown++;
        }

        var now = _workspace.Now;
        Publish(new DeferredLinkAdded(inner.Owner.Id, inner.Number, index, handOver, handOver));
        Publish(new DeferredPauseChanged(record.Owner.Id, record.Number, record.PauseCount, inner.Number));
    }

    public void OnAwaiting(Deferred deferred, Deferred awaited, int linkIndex)
    {
        if (Find(deferred) is not { } record || FindOrAdopt(awaited, record) is not { } inner)
        {
            return;
        }

        Announce(inner);
        record.WaitingOn = inner;
        inner.PendingAwait = (linkIndex, record);
        if (record.Links.Count < MaxLinks)
        {
            // Await rows come before the chain's links (index -1), in the order the method awaited.
            var at = record.Links.FindIndex(l => l.Kind != DeferredLinkKind.Await);
            var row = new DeferredLinkRecord(-1, DeferredLinkKind.Await, "(await)", "(await)") { WaitingOn = inner };
            record.Links.Insert(at < 0 ? record.Links.Count : at, row);
        }
        else
        {
            record.LinksNotShown++;
        }

        Publish(new DeferredPauseChanged(record.Owner.Id, record.Number, record.PauseCount, inner.Number));
    }

    public void OnCancelled(Deferred deferred)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        Announce(record);
        record.CancelRequested = true;
        Publish(new DeferredCancelled(record.Owner.Id, record.Number));
    }

    public void OnFailureLeftUnhandled(Deferred deferred, Failure failure)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        Announce(record);
        record.Unhandled = true;
        SetOutcome(record, failure);
        if (_workspace.Events.Active)
        {
            // Sites are left out: the event stream already has them in DeferredCreated.
            var chain = ChainTreeRenderer.RenderChain(ChainOf(record), record.Number, UnhandledChainOptions);
            Publish(new DeferredUnhandled(record.Owner.Id, record.Number, OutcomeText.DescribeFailure(failure), chain));
        }
    }

    public void OnUnhandledFailureCleared(Deferred deferred)
    {
        if (Find(deferred) is not { } record)
        {
            return;
        }

        record.Unhandled = false;
        Publish(new DeferredUnhandledCleared(record.Owner.Id, record.Number));
    }

    /// <summary>The record of <paramref name="waitingOn"/>, which <paramref name="record"/> waits on, adopting it if no workspace tracks it yet.</summary>
    private DeferredRecord? FindOrAdopt(Deferred waitingOn, DeferredRecord record)
    {
        if (Find(waitingOn) is { } inner)
        {
            return inner;
        }

        if (waitingOn.Scope is WorkspaceEntry other && !ReferenceEquals(other.Workspace, _workspace))
        {
            // Another workspace's Deferred: its own workspace shows it.
            return null;
        }

        // Created outside any session's code but awaited by this one: it belongs to this chain.
        return Track(waitingOn, record.Owner, adopted: true);
    }

    /// <summary>The await link of <paramref name="awaited"/> resumed <paramref name="method"/> with <paramref name="input"/>.</summary>
    private void Resumed(DeferredRecord method, DeferredRecord awaited, string input, bool failure)
    {
        foreach (var row in method.Links)
        {
            if (row.Kind == DeferredLinkKind.Await && row.WaitingOn == awaited && !row.Reached)
            {
                row.Reached = true;
                row.Ran = true;
                row.OnErrbackPath = failure;
                row.Input = input;
                row.InputIsFailure = failure;
                row.Outcome = input;
                row.OutcomeIsFailure = failure;
                break;
            }
        }

        if (method.WaitingOn == awaited)
        {
            method.WaitingOn = null;
            Publish(new DeferredPauseChanged(method.Owner.Id, method.Number, method.PauseCount, null));
        }
    }

    private static void Reach(DeferredLinkRecord link, in DeferredStep step, string outcome, bool failure)
    {
        link.Reached = true;
        link.OnErrbackPath = step.OnErrbackPath;
        link.Ran = step.Invoked;
        link.Outcome = outcome;
        link.OutcomeIsFailure = failure;
        link.Duration = Seconds(step.ElapsedTicks);
    }

    private static void SetOutcome(DeferredRecord record, object? value)
    {
        record.Outcome = OutcomeText.Describe(value);
        record.OutcomeIsFailure = value is Failure;
        record.OutcomeIsCancellation = value is Failure { Value: CancelledException };
    }

    private static double Seconds(long ticks) => ticks / (double)Stopwatch.Frequency;
}
