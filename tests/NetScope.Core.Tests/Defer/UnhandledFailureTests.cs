using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Tests.Defer.Support;

namespace NetScope.Core.Tests.Defer;

/// <summary>
/// A Deferred collected while its result is a failure logs "Unhandled error in Deferred"
/// (Twisted's <c>DebugInfo.__del__</c>). Each test labels its Deferreds uniquely and looks only
/// for its own entries, because finalizers of other tests' Deferreds may log at the same time.
/// </summary>
[Collection(ProcessWideStateCollection.Name)]
public class UnhandledFailureTests : ProcessWideStateTest
{
    private readonly CapturingLoggerFactory _log = new();

    public UnhandledFailureTests()
    {
        NetScopeLogging.Factory = _log;
    }

    [Fact]
    public void AFailureLeftAsTheResultIsLoggedWhenTheDeferredIsCollected()
    {
        var label = NewLabel();
        LeaveUnhandledFailure(label);

        CollectGarbage();

        var entry = Assert.Single(EntriesAbout(label));
        Assert.StartsWith("Unhandled error in Deferred <Deferred #", entry.Message, StringComparison.Ordinal);
        Assert.Contains($"'{label}' current result: [Failure instance: DivideByZeroException: ", entry.Message, StringComparison.Ordinal);
        Assert.Contains("System.DivideByZeroException", entry.Message, StringComparison.Ordinal);
        Assert.IsType<DivideByZeroException>(entry.Exception);
        Assert.Equal(LogLevel.Critical, entry.Level);
        Assert.Equal(1001, entry.EventId);
        Assert.Equal("NetScope.Core.Defer", entry.Category);
    }

    [Fact]
    public void AFailureInADeferredThatReferencesItselfIsStillLogged()
    {
        var label = NewLabel();
        LeaveUnhandledFailureInACycle(label);
        CollectGarbage();
        Assert.Single(EntriesAbout(label));
    }

    [Fact]
    public void AHandledFailureIsNotLogged()
    {
        var handled = NewLabel();
        var unhandled = NewLabel();
        LeaveHandledFailure(handled);
        LeaveUnhandledFailure(unhandled);

        CollectGarbage();

        // The unhandled one proves the collection ran and finalizers reported.
        Assert.Single(EntriesAbout(unhandled));
        Assert.Empty(EntriesAbout(handled));
    }

    [Fact]
    public void AFailureHandledByAnErrbackAddedLaterIsNotLogged()
    {
        var handledLater = NewLabel();
        var unhandled = NewLabel();
        LeaveFailureHandledLater(handledLater);
        LeaveUnhandledFailure(unhandled);

        CollectGarbage();

        Assert.Single(EntriesAbout(unhandled));
        Assert.Empty(EntriesAbout(handledLater));
    }

    [Fact]
    public void AFailureHandedToAWaitingDeferredIsLoggedOnlyThereIfUnhandled()
    {
        var inner = NewLabel();
        var outer = NewLabel();
        LeaveFailureTakenByAnOuterDeferred(inner, outer);

        CollectGarbage();

        Assert.Empty(EntriesAbout(inner));
        Assert.Single(EntriesAbout(outer));
    }

    [Fact]
    public void AFailureTakenFromAnAlreadyFailedInnerDeferredIsNotLoggedForTheInnerOne()
    {
        var inner = NewLabel();
        var unhandled = NewLabel();
        LeaveFailureTakenAndHandled(inner);
        LeaveUnhandledFailure(unhandled);

        CollectGarbage();

        Assert.Single(EntriesAbout(unhandled));
        Assert.Empty(EntriesAbout(inner));
    }

    [Fact]
    public void AnErrbackThatChainsToAnotherDeferredClearsTheFailure()
    {
        var bad = NewLabel();
        var unhandled = NewLabel();
        LeaveFailureChainedToAnUnfiredDeferred(bad);
        LeaveUnhandledFailure(unhandled);

        CollectGarbage();

        Assert.Single(EntriesAbout(unhandled));
        Assert.Empty(EntriesAbout(bad));
    }

    [Fact]
    public void ConsumeErrorsInADeferredListPreventsTheReport()
    {
        var consumed = NewLabel();
        var unhandled = NewLabel();
        LeaveFailureConsumedByADeferredList(consumed);
        LeaveUnhandledFailure(unhandled);

        CollectGarbage();

        Assert.Single(EntriesAbout(unhandled));
        Assert.Empty(EntriesAbout(consumed));
    }

    [Fact]
    public void InDebugModeTheReportIncludesWhereTheDeferredWasCreatedAndFired()
    {
        Deferred.Debugging = true;
        var label = NewLabel();
        LeaveUnhandledFailure(label);
        Deferred.Debugging = false;

        CollectGarbage();

        var message = Assert.Single(EntriesAbout(label)).Message;
        Assert.Contains("\n(debug:  C: Deferred was created:\n C:", message, StringComparison.Ordinal);
        Assert.Contains(" I: First Invoker was:\n I:", message, StringComparison.Ordinal);
        Assert.Contains($"{nameof(UnhandledFailureTests)}.{nameof(LeaveUnhandledFailure)}", message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutDebugModeTheReportHasNoDebugSection()
    {
        Deferred.Debugging = false;
        var label = NewLabel();
        LeaveUnhandledFailure(label);
        CollectGarbage();
        Assert.DoesNotContain("(debug:", Assert.Single(EntriesAbout(label)).Message, StringComparison.Ordinal);
    }

    private static string NewLabel() => "unhandled-test-" + Guid.NewGuid().ToString("N");

    private static void CollectGarbage()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private IEnumerable<LogEntry> EntriesAbout(string label) =>
        _log.Entries.Where(e => e.Message.Contains(label, StringComparison.Ordinal));

    // Each helper creates its Deferreds in a frame of its own, so nothing keeps them alive afterwards.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveUnhandledFailure(string label)
    {
        var d = new Deferred().WithLabel(label);
        d.AddCallback(_ => throw new DivideByZeroException());
        d.Callback(1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveUnhandledFailureInACycle(string label)
    {
        var d = new Deferred().WithLabel(label);
        d.AddCallback(_ => throw new DivideByZeroException(d.Label));
        d.Callback(1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveHandledFailure(string label)
    {
        var d = new Deferred().WithLabel(label);
        d.AddCallback(_ => throw new DivideByZeroException());
        d.AddErrback(_ => null);
        d.Callback(1);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveFailureHandledLater(string label)
    {
        var d = Deferred.Fail(new DivideByZeroException()).WithLabel(label);
        d.AddErrback(_ => null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveFailureTakenByAnOuterDeferred(string innerLabel, string outerLabel)
    {
        var inner = new Deferred().WithLabel(innerLabel);
        var outer = new Deferred().WithLabel(outerLabel);
        outer.AddCallback(_ => inner);
        outer.Callback(null);
        inner.Errback(new DivideByZeroException());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveFailureTakenAndHandled(string innerLabel)
    {
        var inner = Deferred.Fail(new InvalidOperationException("zoop")).WithLabel(innerLabel);
        var outer = new Deferred();
        outer.AddCallback(_ => inner);
        outer.Callback(null);
        outer.AddErrback(_ => null);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveFailureChainedToAnUnfiredDeferred(string label)
    {
        var bad = Deferred.Fail(new InvalidOperationException("oh no")).WithLabel(label);
        var good = new Deferred();
        bad.AddErrback(_ => good);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LeaveFailureConsumedByADeferredList(string label)
    {
        var d = new Deferred().WithLabel(label);
        var list = new DeferredList([d], consumeErrors: true);
        d.Errback(new InvalidOperationException());
        list.AddCallback(_ => null);
    }
}
