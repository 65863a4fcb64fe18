using NetScope.Core.Defer;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Deferred.MaybeDeferred"/>: any outcome of a function as a Deferred.</summary>
public class MaybeDeferredTests
{
    [Fact]
    public void AValueBecomesAFiredDeferred()
    {
        var value = new object();
        Assert.Same(value, SuccessResultOf(Deferred.MaybeDeferred(() => value)));
    }

    [Fact]
    public void AThrownExceptionBecomesAFailedDeferred()
    {
        var error = new FormatException("bad input");
        var d = Deferred.MaybeDeferred(() => throw error);
        Assert.Same(error, FailureResultOf<FormatException>(d).Value);
    }

    [Fact]
    public void AReturnedFailureBecomesAFailedDeferredWithThatFailure()
    {
        var failure = new Failure(new FormatException());
        var d = Deferred.MaybeDeferred(() => failure);
        Assert.Same(failure, FailureResultOf<FormatException>(d));
    }

    [Fact]
    public void AReturnedDeferredIsPassedBackAsIs()
    {
        var inner = new Deferred();
        var d = Deferred.MaybeDeferred(() => inner);
        Assert.Same(inner, d);
        inner.Callback("Success");
        Assert.Equal("Success", SuccessResultOf(d));
    }

    [Fact]
    public void AReturnedDeferredThatFailsLaterFailsTheResult()
    {
        var inner = new Deferred();
        var d = Deferred.MaybeDeferred(() => inner);
        inner.Errback(new InvalidOperationException());
        FailureResultOf<InvalidOperationException>(d);
    }
}
