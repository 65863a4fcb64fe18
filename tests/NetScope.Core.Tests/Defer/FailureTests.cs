using System.Runtime.CompilerServices;
using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="Failure"/>: inspecting, trapping and re-raising the error of an errback chain.</summary>
public class FailureTests
{
    [Fact]
    public void CheckReturnsTheFirstMatchingTypeIncludingBaseTypes()
    {
        var failure = new Failure(new ArgumentNullException("x"));
        Assert.Equal(typeof(ArgumentException), failure.Check(typeof(FormatException), typeof(ArgumentException), typeof(ArgumentNullException)));
        Assert.Null(failure.Check(typeof(FormatException)));
        Assert.True(failure.Check<ArgumentException>());
        Assert.False(failure.Check<FormatException>());
        Assert.Equal(typeof(ArgumentNullException), failure.Type);
    }

    [Fact]
    public void TrapReturnsTheMatchAndRethrowsTheSameExceptionOtherwise()
    {
        var error = new FormatException("bad");
        var failure = new Failure(error);
        Assert.Equal(typeof(FormatException), failure.Trap(typeof(FormatException)));
        Assert.Same(error, failure.Trap<FormatException>());
        Assert.Same(error, Assert.Throws<FormatException>(() => failure.Trap(typeof(ArgumentException))));
        Assert.Same(error, Assert.Throws<FormatException>(() => failure.Trap<ArgumentException>()));
    }

    [Fact]
    public void AnErrbackThatTrapsOtherErrorsPassesTheFailureOnUnchanged()
    {
        var error = new FormatException("not mine");
        var d = Deferred.Fail(error);
        d.AddErrback(f => f.Trap(typeof(TimeoutException)));
        Failure? seen = null;
        d.AddErrback(f =>
        {
            seen = f;
            return null;
        });
        Assert.Same(error, seen!.Value);
    }

    [Fact]
    public void RaiseExceptionKeepsTheOriginalStackTrace()
    {
        var failure = new Failure(CaptureDivision());
        var thrown = Assert.Throws<DivideByZeroException>(failure.RaiseException);
        Assert.Contains(nameof(Divide), thrown.StackTrace, StringComparison.Ordinal);
    }

    [Fact]
    public void DescriptionsNameTheTypeAndMessage()
    {
        var failure = new Failure(new FormatException("bad input"));
        Assert.Equal("bad input", failure.GetErrorMessage());
        Assert.Equal("FormatException: bad input", failure.GetBriefTraceback());
        Assert.Equal("[Failure instance: FormatException: bad input]", failure.ToString());
        Assert.StartsWith("System.FormatException: bad input", failure.GetTraceback(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureNeedsAnException() => Assert.Throws<ArgumentNullException>(() => new Failure(null!));

    internal static DivideByZeroException CaptureDivision()
    {
        try
        {
            Divide(1, 0);
        }
        catch (DivideByZeroException e)
        {
            return e;
        }

        throw new InvalidOperationException("unreachable");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Divide(int a, int b) => a / b;
}
