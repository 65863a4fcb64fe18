using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Deferred.GatherResults"/>: the values of several Deferreds, or the first failure.</summary>
public class GatherResultsTests
{
    [Fact]
    public void FiresWithTheValuesInOrder()
    {
        var d2 = new Deferred();
        var gathered = Deferred.GatherResults([Deferred.Succeed(1), d2]);
        AssertNoResult(gathered);
        d2.Callback(2);
        Assert.Equal(new object?[] { 1, 2 }, SuccessResultOf(gathered));
    }

    [Fact]
    public void AnEmptyListGathersToAnEmptyArray()
    {
        Assert.Equal(Array.Empty<object?>(), SuccessResultOf(Deferred.GatherResults([])));
    }

    [Fact]
    public void FailsWithFirstErrorAtTheFirstFailure()
    {
        var bad = Deferred.Fail(new FormatException());
        var gathered = Deferred.GatherResults([Deferred.Succeed(1), bad]);
        var firstError = (FirstErrorException)FailureResultOf<FirstErrorException>(gathered).Value;
        Assert.Equal(1, firstError.Index);
        Assert.True(firstError.SubFailure.Check<FormatException>());

        // Without consumeErrors, the failure is still the bad Deferred's result.
        FailureResultOf<FormatException>(bad);
    }

    [Fact]
    public void WithConsumeErrorsTheFailingDeferredContinuesWithNull()
    {
        var good = Deferred.Succeed(1);
        var bad = Deferred.Fail(new InvalidOperationException("oh noes"));
        var gathered = Deferred.GatherResults([good, bad], consumeErrors: true);
        var unconsumed = new List<Failure>();
        bad.AddErrback(f =>
        {
            unconsumed.Add(f);
            return null;
        });

        Assert.Empty(unconsumed);
        var firstError = (FirstErrorException)FailureResultOf<FirstErrorException>(gathered).Value;
        Assert.Equal("oh noes", firstError.SubFailure.Value.Message);
    }

    [Fact]
    public void CancellingCancelsEveryDeferredAndFailsWithTheFirstCancellation()
    {
        var d1 = new Deferred();
        var d2 = new Deferred();
        var gathered = Deferred.GatherResults([d1, d2]);

        gathered.Cancel();

        FailureResultOf<CancelledException>(d1);
        FailureResultOf<CancelledException>(d2);
        var firstError = (FirstErrorException)FailureResultOf<FirstErrorException>(gathered).Value;
        Assert.True(firstError.SubFailure.Check<CancelledException>());
    }

    [Fact]
    public void CancellingSucceedsWhenEveryCancellerCallsBack()
    {
        var d1 = new Deferred(d => d.Callback("Callback Result"));
        var d2 = new Deferred(d => d.Callback("Callback Result"));
        var gathered = Deferred.GatherResults([d1, d2]);

        gathered.Cancel();

        Assert.Equal(new object?[] { "Callback Result", "Callback Result" }, SuccessResultOf(gathered));
    }
}
