using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>The basic chain: results flowing through callbacks and errbacks, and firing once.</summary>
public class DeferredCallbackTests
{
    [Fact]
    public void EachCallbackReceivesThePreviousCallbacksResult()
    {
        var d = new Deferred();
        var seen = new List<object?>();
        d.AddCallback(r =>
        {
            seen.Add(r);
            return (int)r! + 1;
        });
        d.AddCallback(r =>
        {
            seen.Add(r);
            return (int)r! * 10;
        });

        d.Callback(1);

        Assert.Equal(new object?[] { 1, 2 }, seen);
        Assert.Equal(20, SuccessResultOf(d));
    }

    [Fact]
    public void ACallbackThatThrowsSwitchesToTheErrbackPathWithAFailureWrappingTheException()
    {
        var d = new Deferred();
        var boom = new InvalidOperationException("boom");
        var skipped = false;
        Failure? received = null;
        d.AddCallback(_ => throw boom);
        d.AddCallback(_ =>
        {
            skipped = true;
            return null;
        });
        d.AddErrback(f =>
        {
            received = f;
            return null;
        });

        d.Callback("x");

        Assert.False(skipped);
        Assert.NotNull(received);
        Assert.Same(boom, received.Value);
        Assert.Equal(typeof(InvalidOperationException), received.Type);
    }

    [Fact]
    public void ACallbackThatReturnsAFailureSwitchesToTheErrbackPath()
    {
        var failure = new Failure(new DivideByZeroException());
        var d = new Deferred();
        Failure? received = null;
        d.AddCallback(_ => failure).AddErrback(f =>
        {
            received = f;
            return null;
        });

        d.Callback(1);

        Assert.Same(failure, received);
    }

    [Fact]
    public void AnErrbackThatReturnsAValueSwitchesBackToTheCallbackPath()
    {
        var d = new Deferred();
        d.AddErrback(f => "recovered from " + f.Value.Message);
        d.AddErrback(_ => "second errback must not run");
        d.AddCallback(r => r + "!");

        d.Errback(new InvalidOperationException("boom"));

        Assert.Equal("recovered from boom!", SuccessResultOf(d));
    }

    [Fact]
    public void AnErrbackThatThrowsStaysOnTheErrbackPathWithTheNewException()
    {
        var d = new Deferred();
        var second = new ArgumentException("second");
        d.AddErrback(_ => throw second);

        d.Errback(new InvalidOperationException("first"));

        Assert.Same(second, FailureResultOf<ArgumentException>(d).Value);
    }

    [Fact]
    public void AddBothSeesValuesAndFailures()
    {
        var seen = new List<object?>();
        Func<object?, object?> both = r =>
        {
            seen.Add(r);
            return r;
        };
        var ok = new Deferred().AddBoth(both);
        var failing = new Deferred().AddBoth(both);
        var failure = new Failure(new InvalidOperationException());

        ok.Callback("value");
        failing.Errback(failure);

        Assert.Equal(new object?[] { "value", failure }, seen);
        FailureResultOf<InvalidOperationException>(failing);
    }

    [Fact]
    public void AddCallbacksRunsOnlyTheFunctionForThePathTheResultIsOn()
    {
        var calls = new List<string>();
        var d = new Deferred();
        d.AddCallbacks(
            r =>
            {
                calls.Add("callback " + r);
                return r;
            },
            f =>
            {
                calls.Add("errback " + f.Value.Message);
                return null;
            });

        d.Callback("hello");

        Assert.Equal(["callback hello"], calls);
    }

    [Fact]
    public void ANullErrbackPassesFailuresThroughUnchanged()
    {
        var d = new Deferred();
        var callbackRan = false;
        var error = new InvalidOperationException("oopsie");
        d.AddCallbacks(
            r =>
            {
                callbackRan = true;
                return r;
            },
            null);

        d.Errback(error);

        Assert.False(callbackRan);
        Assert.Same(error, FailureResultOf<InvalidOperationException>(d).Value);
    }

    [Fact]
    public void ANullCallbackPassesValuesThroughUnchanged()
    {
        var d = new Deferred().AddCallbacks(null, _ => "errback ran");
        d.Callback("value");
        Assert.Equal("value", SuccessResultOf(d));
    }

    [Fact]
    public void CallbacksAddedAfterFiringRunAtOnce()
    {
        var d = new Deferred();
        d.Callback(5);

        var ran = new List<object?>();
        d.AddCallback(r =>
        {
            ran.Add(r);
            return (int)r! + 1;
        });
        Assert.Equal(new object?[] { 5 }, ran);
        d.AddCallback(r =>
        {
            ran.Add(r);
            return r;
        });

        Assert.Equal(new object?[] { 5, 6 }, ran);
    }

    [Fact]
    public void ErrbacksAddedAfterAFailureRunAtOnce()
    {
        var d = Deferred.Fail(new InvalidOperationException("fail"));
        string? message = null;
        d.AddErrback(f =>
        {
            message = f.Value.Message;
            return null;
        });
        Assert.Equal("fail", message);
    }

    [Fact]
    public void SucceedReturnsADeferredThatAlreadyHasTheValue()
    {
        var d = Deferred.Succeed("success");
        Assert.True(d.Called);
        Assert.Equal("success", SuccessResultOf(d));
    }

    [Fact]
    public void CallbackWithAFailureStartsOnTheErrbackPath()
    {
        var d = new Deferred();
        var failure = new Failure(new InvalidOperationException());
        d.Callback(failure);
        Assert.Same(failure, FailureResultOf<InvalidOperationException>(d));
    }

    [Fact]
    public void NullIsALegitimateResult()
    {
        var d = new Deferred();
        Assert.False(d.HasResult);
        d.Callback(null);
        Assert.True(d.HasResult);
        Assert.Null(d.Result);
    }

    [Fact]
    public void ResultThrowsBeforeTheDeferredFires()
    {
        var d = new Deferred();
        Assert.Throws<InvalidOperationException>(() => d.Result);
    }

    [Fact]
    public void FiringWithADeferredIsRejected()
    {
        var d = new Deferred();
        Assert.Throws<ArgumentException>(() => d.Callback(new Deferred()));
        Assert.False(d.Called);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void FiringTwiceThrowsAlreadyCalledException(bool firstIsCallback, bool secondIsCallback)
    {
        var d = new Deferred();
        d.AddCallbacks(r => r, _ => null);
        Fire(d, firstIsCallback);

        Assert.Throws<AlreadyCalledException>(() => Fire(d, secondIsCallback));

        static void Fire(Deferred d, bool callback)
        {
            if (callback)
            {
                d.Callback("hello");
            }
            else
            {
                d.Errback(new InvalidOperationException());
            }
        }
    }

    [Fact]
    public void ACallbackAddedByARunningCallbackGoesToTheEndOfTheChain()
    {
        var d = new Deferred();
        var called = new List<int>();
        d.AddCallback(_ =>
        {
            called.Add(1);
            d.AddCallback(_ =>
            {
                called.Add(3);
                return null;
            });
            return null;
        });
        d.AddCallback(_ =>
        {
            called.Add(2);
            return null;
        });

        d.Callback(null);

        Assert.Equal([1, 2, 3], called);
    }

    [Fact]
    public void ACallbackAddedByARunningCallbackDoesNotRunUntilThatCallbackReturns()
    {
        var d = new Deferred();
        var called = new List<int>();
        List<int>? seenInsideFirst = null;
        d.AddCallback(_ =>
        {
            called.Add(1);
            d.AddCallback(_ =>
            {
                called.Add(2);
                return null;
            });
            seenInsideFirst = [.. called];
            return null;
        });

        d.Callback(null);

        Assert.Equal([1], seenInsideFirst);
        Assert.Equal([1, 2], called);
    }

    [Fact]
    public void ACallbackAddedByACallbackOnAnAlreadyFiredDeferredRunsAfterIt()
    {
        var d = Deferred.Succeed<object?>(null);
        var called = new List<int>();
        d.AddCallback(_ =>
        {
            called.Add(1);
            d.AddCallback(_ =>
            {
                called.Add(2);
                return null;
            });
            called.Add(11);
            return null;
        });

        Assert.Equal([1, 11, 2], called);
    }

    [Fact]
    public void AnExceptionFromACallbackAddedByACallbackReachesTheNextErrback()
    {
        var d = new Deferred();
        d.AddCallback(_ =>
        {
            d.AddCallback(_ => throw new InvalidOperationException("callback raised exception"));
            return null;
        });

        d.Callback(null);

        Assert.Equal("callback raised exception", FailureResultOf<InvalidOperationException>(d).Value.Message);
    }

    [Fact]
    public void TypedCallbacksReceiveTheResultAsTheirType()
    {
        var d = new Deferred<int>();
        int? seen = null;
        d.AddCallback(value =>
        {
            seen = value;
            return value * 2;
        });

        d.Callback(21);

        Assert.Equal(21, seen);
        Assert.Equal(42, SuccessResultOf(d));
    }

    [Fact]
    public void ATypedCallbackGivenAResultOfAnotherTypeFailsWithInvalidCastException()
    {
        var d = new Deferred();
        d.AddCallback<int>(value => value + 1);
        d.Callback("not an int");
        FailureResultOf<InvalidCastException>(d);
    }

    [Fact]
    public void ATypedCallbackReceivesDefaultForANullResult()
    {
        var d = new Deferred();
        var seen = -1;
        d.AddCallback<int>(value =>
        {
            seen = value;
            return null;
        });
        d.Callback(null);
        Assert.Equal(0, seen);
    }

    [Fact]
    public void AddMethodsReturnTheSameDeferredForChaining()
    {
        var d = new Deferred();
        Assert.Same(d, d.AddCallback(r => r));
        Assert.Same(d, d.AddErrback(f => f));
        Assert.Same(d, d.AddBoth(r => r));
        Assert.Same(d, d.AddCallbacks(null, null));
        Assert.Equal(4, d.LinkCount);
        Assert.Equal(4, d.PendingLinkCount);
        d.Callback(null);
        Assert.Equal(0, d.PendingLinkCount);
        Assert.Equal(4, d.LinkCount);
    }

    [Fact]
    public void ToStringShowsTheIdLabelAndCurrentResult()
    {
        var d = new Deferred().WithLabel("GET /");
        Assert.Equal($"<Deferred #{d.Id} 'GET /'>", d.ToString());
        d.Callback("orange");
        Assert.Equal($"<Deferred #{d.Id} 'GET /' current result: \"orange\">", d.ToString());

        var typed = new Deferred<int>();
        Assert.Equal($"<Deferred #{typed.Id}>", typed.ToString());
    }

    [Fact]
    public void IdsAreDistinct()
    {
        var a = new Deferred();
        var b = new Deferred();
        Assert.NotEqual(a.Id, b.Id);
        Assert.Equal(a.Id, a.Id);
    }
}
