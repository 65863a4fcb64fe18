using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="DeferredList"/>: waiting for several Deferreds.</summary>
public class DeferredListTests
{
    private static void CallbackCanceller(Deferred d) => d.Callback("Callback Result");

    [Fact]
    public void FiresWithEveryOutcomeInTheOriginalOrderOnceAllHaveFired()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var d3 = new Deferred();
        var list = new DeferredList([d1, d2, d3]);
        IReadOnlyList<DeferredListItem>? result = null;
        list.AddCallback(r =>
        {
            result = (IReadOnlyList<DeferredListItem>)r!;
            return null;
        });

        d1.Callback("1");
        d2.AddErrback(_ => null);
        d2.Errback(new InvalidOperationException("2"));
        Assert.Null(result);
        Assert.Equal(2, list.FinishedCount);
        d3.Callback("3");

        Assert.NotNull(result);
        Assert.Equal(3, result.Count);
        Assert.Equal(new DeferredListItem(true, "1"), result[0]);
        Assert.False(result[1].Success);
        Assert.Equal("2", ((Failure)result[1].Result!).Value.Message);
        Assert.Equal(new DeferredListItem(true, "3"), result[2]);
    }

    [Fact]
    public void AnEmptyListFiresAtOnceWithAnEmptyResult()
    {
        var list = new DeferredList([]);
        var result = Assert.IsAssignableFrom<IReadOnlyList<DeferredListItem>>(SuccessResultOf(list));
        Assert.Empty(result);
    }

    [Fact]
    public void AnEmptyListWithFireOnOneCallbackNeverFires()
    {
        var list = new DeferredList([], fireOnOneCallback: true);
        AssertNoResult(list);
    }

    [Fact]
    public void FireOnOneCallbackFiresWithTheFirstValueAndItsIndex()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneCallback: true);
        d1.AddErrback(_ => null);
        d1.Errback(new InvalidOperationException());
        AssertNoResult(list);

        d2.Callback("second");

        Assert.Equal(new DeferredListFirstResult("second", 1), SuccessResultOf(list));
    }

    [Fact]
    public void FireOnOneErrbackFailsWithFirstErrorAtTheFirstFailure()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var d3 = new Deferred();
        var list = new DeferredList([d1, d2, d3], fireOnOneErrback: true);
        d2.AddErrback(_ => null);

        d1.Callback("1");
        AssertNoResult(list);
        var error = new InvalidOperationException("from def2");
        d2.Errback(error);

        var firstError = (FirstErrorException)FailureResultOf<FirstErrorException>(list).Value;
        Assert.Equal(1, firstError.Index);
        Assert.Same(error, firstError.SubFailure.Value);
        Assert.Same(error, firstError.InnerException);
        Assert.Equal("FirstError[#1, InvalidOperationException: from def2]", firstError.Message);
    }

    [Fact]
    public void FireOnOneErrbackWorksWithAlreadyFailedDeferreds()
    {
        var d1 = Deferred.Fail(new InvalidOperationException("Bang"));
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneErrback: true);
        FailureResultOf<FirstErrorException>(list);
        d1.AddErrback(_ => null);
    }

    [Fact]
    public void AlreadyFiredDeferredsAreCountedAtOnce()
    {
        var d1 = Deferred.Fail(new InvalidOperationException("Bang"));
        var d2 = Deferred.Succeed(2);
        var list = new DeferredList([d1, d2]);
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.False(result[0].Success);
        Assert.Equal(new DeferredListItem(true, 2), result[1]);
        d1.AddErrback(_ => null);
    }

    [Fact]
    public void WithoutConsumeErrorsTheFailureContinuesDownTheOriginalDeferred()
    {
        var d1 = new Deferred();
        var list = new DeferredList([d1]);
        var errors = new List<Failure>();
        d1.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });

        d1.Errback(new InvalidOperationException("Bang"));

        Assert.Equal("Bang", Assert.Single(errors).Value.Message);
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.Equal("Bang", ((Failure)result[0].Result!).Value.Message);
    }

    [Fact]
    public void WithConsumeErrorsTheOriginalDeferredContinuesWithNull()
    {
        var d1 = new Deferred();
        var list = new DeferredList([d1], consumeErrors: true);
        var errors = new List<Failure>();
        d1.AddErrback(f =>
        {
            errors.Add(f);
            return null;
        });

        d1.Errback(new InvalidOperationException("Bang"));

        Assert.Empty(errors);
        Assert.Null(SuccessResultOf(d1));
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.Equal("Bang", ((Failure)result[0].Result!).Value.Message);
    }

    [Fact]
    public void SuccessfulResultsContinueDownTheOriginalDeferreds()
    {
        var d1 = new Deferred();
        _ = new DeferredList([d1], consumeErrors: true);
        d1.Callback("kept");
        Assert.Equal("kept", SuccessResultOf(d1));
    }

    [Fact]
    public void CancellingCancelsEveryDeferredInTheList()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2]);

        list.Cancel();

        FailureResultOf<CancelledException>(d1);
        FailureResultOf<CancelledException>(d2);
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.All(result, item => Assert.False(item.Success));
    }

    [Fact]
    public void CancellingFiresWithTheOutcomesIncludingACancellersValue()
    {
        var d1 = new Deferred(CallbackCanceller);
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2]);

        list.Cancel();

        FailureResultOf<CancelledException>(d2);
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.Equal(new DeferredListItem(true, "Callback Result"), result[0]);
        Assert.False(result[1].Success);
        Assert.True(((Failure)result[1].Result!).Check<CancelledException>());
    }

    [Fact]
    public void CancellingWithFireOnOneCallbackCancelsEveryDeferred()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneCallback: true);
        list.Cancel();
        FailureResultOf<CancelledException>(d1);
        FailureResultOf<CancelledException>(d2);
    }

    [Fact]
    public void CancellingWithFireOnOneCallbackFiresWithACancellersValue()
    {
        var d1 = new Deferred(CallbackCanceller);
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneCallback: true);
        list.Cancel();
        FailureResultOf<CancelledException>(d2);
        Assert.Equal(new DeferredListFirstResult("Callback Result", 0), SuccessResultOf(list));
    }

    [Fact]
    public void CancellingWithFireOnOneErrbackFailsWithTheFirstCancellation()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneErrback: true);
        list.Cancel();
        FailureResultOf<CancelledException>(d1);
        FailureResultOf<CancelledException>(d2);
        var firstError = (FirstErrorException)FailureResultOf<FirstErrorException>(list).Value;
        Assert.True(firstError.SubFailure.Check<CancelledException>());
        Assert.Equal(0, firstError.Index);
    }

    [Fact]
    public void CancellingWithFireOnOneErrbackSucceedsWhenEveryCancellerCallsBack()
    {
        var d1 = new Deferred(CallbackCanceller);
        var d2 = new Deferred(CallbackCanceller);
        var list = new DeferredList([d1, d2], fireOnOneErrback: true);
        list.Cancel();
        var result = (IReadOnlyList<DeferredListItem>)SuccessResultOf(list)!;
        Assert.Equal([new DeferredListItem(true, "Callback Result"), new DeferredListItem(true, "Callback Result")], result);
    }

    [Fact]
    public void CancellingReachesOnlyTheDeferredsGivenAtConstruction()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var given = new List<Deferred> { d1, d2 };
        var list = new DeferredList(given);
        var d3 = new Deferred();
        given.Add(d3);

        list.Cancel();

        FailureResultOf<CancelledException>(d1);
        FailureResultOf<CancelledException>(d2);
        AssertNoResult(d3);
    }

    [Fact]
    public void CancellingAListThatFiredOnOneCallbackLeavesTheOthersAlone()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneCallback: true);
        d1.Callback(null);
        list.Cancel();
        AssertNoResult(d2);
    }

    [Fact]
    public void CancellingAListThatFiredOnOneErrbackLeavesTheOthersAlone()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2], fireOnOneErrback: true);
        d1.Errback(new FormatException("test"));
        list.Cancel();
        AssertNoResult(d2);
        FailureResultOf<FormatException>(d1);
        FailureResultOf<FirstErrorException>(list);
    }

    [Fact]
    public void ResultListShowsProgressBeforeTheListFires()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2]);
        d2.Callback("two");
        Assert.Equal([default, new DeferredListItem(true, "two")], list.ResultList);
        Assert.Equal(1, list.FinishedCount);
    }
}
