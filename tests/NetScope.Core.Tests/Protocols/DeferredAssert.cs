using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Protocols;

/// <summary>Reads a fired Deferred's outcome in tests.</summary>
internal static class DeferredAssert
{
    /// <summary>The value a Deferred has fired with (it must have succeeded).</summary>
    public static T Succeeded<T>(Deferred deferred)
    {
        Assert.True(deferred.Called, "the Deferred has not fired");
        if (deferred.Result is Failure failure)
        {
            deferred.AddErrback(_ => null);
            Assert.Fail($"the Deferred failed: {failure.GetBriefTraceback()}");
        }

        return Assert.IsAssignableFrom<T>(deferred.Result);
    }

    /// <summary>The exception a Deferred has failed with, checked to be a <typeparamref name="TException"/>; the failure is then handled.</summary>
    public static TException Failed<TException>(Deferred deferred)
        where TException : Exception
    {
        Assert.True(deferred.Called, "the Deferred has not fired");
        var failure = Assert.IsType<Failure>(deferred.Result);
        deferred.AddErrback(_ => null);
        return Assert.IsType<TException>(failure.Value);
    }
}
