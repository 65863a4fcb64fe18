using NetScope.Core.Defer;

namespace NetScope.Core.Tests.Defer;

/// <summary><see cref="CallableNames.Describe"/>: readable names for chain views.</summary>
public class CallableNamesTests
{
    [Fact]
    public void NullIsPassthru() => Assert.Equal("passthru", CallableNames.Describe(null));

    [Fact]
    public void AMethodIsTypeDotMethod() =>
        Assert.Equal("CallableNamesTests.Twice", CallableNames.Describe(new Func<object?, object?>(Twice)));

    [Fact]
    public void ALambdaIsNamedAfterTheMethodItIsWrittenIn()
    {
        Func<object?, object?> noCapture = static r => r;
        var captured = 1;
        Func<object?, object?> capturing = r => captured;
        Assert.Equal("CallableNamesTests.ALambdaIsNamedAfterTheMethodItIsWrittenIn.<lambda>", CallableNames.Describe(noCapture));
        Assert.Equal("CallableNamesTests.ALambdaIsNamedAfterTheMethodItIsWrittenIn.<lambda>", CallableNames.Describe(capturing));
    }

    [Fact]
    public void ALocalFunctionIsNamedAfterItselfAndItsMethod()
    {
        static object? Local(object? r) => r;
        Assert.Equal("CallableNamesTests.ALocalFunctionIsNamedAfterItselfAndItsMethod.Local", CallableNames.Describe(new Func<object?, object?>(Local)));
    }

    [Fact]
    public void AGenericTypeLosesItsArityMarker() =>
        Assert.Equal("Generic.Run", CallableNames.Describe(new Func<object?, object?>(Generic<int>.Run)));

    private static object? Twice(object? value) => value;

    private static class Generic<T>
    {
        public static object? Run(object? value) => value;
    }
}
