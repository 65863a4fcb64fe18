using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Defer.Support;

/// <summary>
/// Twisted's <c>successResultOf</c>, <c>failureResultOf</c> and <c>assertNoResult</c>: read a
/// Deferred's current result the way a callback would.
/// </summary>
internal static class DeferredAssert
{
    /// <summary>Takes the current result (the chain continues with null) and asserts it is a value.</summary>
    public static object? SuccessResultOf(Deferred deferred)
    {
        var (fired, result) = Take(deferred);
        Assert.True(fired, $"{deferred} has no result.");
        if (result is Failure failure)
        {
            Assert.Fail($"{deferred} failed: {failure.GetTraceback()}");
        }

        return result;
    }

    /// <summary>Takes the current result (the chain continues with null) and asserts it is a failure of <typeparamref name="TException"/>.</summary>
    public static Failure FailureResultOf<TException>(Deferred deferred)
        where TException : Exception
    {
        var (fired, result) = Take(deferred);
        Assert.True(fired, $"{deferred} has no result.");
        var failure = Assert.IsType<Failure>(result);
        Assert.True(failure.Check<TException>(), $"Expected {typeof(TException).Name}, got {failure.GetTraceback()}");
        return failure;
    }

    /// <summary>Asserts the Deferred has no result yet (without changing it).</summary>
    public static void AssertNoResult(Deferred deferred)
    {
        var fired = false;
        deferred.AddBoth(result =>
        {
            fired = true;
            return result;
        });
        Assert.False(fired, $"{deferred} has a result.");
    }

    private static (bool Fired, object? Result) Take(Deferred deferred)
    {
        var fired = false;
        object? taken = null;
        deferred.AddBoth(result =>
        {
            fired = true;
            taken = result;
            return null;
        });
        return (fired, taken);
    }
}
