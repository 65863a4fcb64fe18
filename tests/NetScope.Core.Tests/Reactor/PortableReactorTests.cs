using NetScope.Core.Reactor;
using NetScope.Core.Reactor.Portable;

namespace NetScope.Core.Tests.Reactor;

/// <summary>The conformance suite against the portable (<c>Socket.Select</c>) reactor.</summary>
public sealed class PortableReactorTests : ReactorConformanceTests
{
    protected override IReactor CreateReactor(ReactorOptions? options = null) => Reactors.Create(ReactorKind.Portable, options);

    [Theory]
    [InlineData(-1, -1)] // no timer: wait until woken
    [InlineData(0, 0)]
    [InlineData(5, 5_000)]
    [InlineData(2_147_483, 2_147_483_000)] // the largest wait that fits
    [InlineData(2_147_484, int.MaxValue)] // one more millisecond used to wrap negative
    [InlineData(3_600_000, int.MaxValue)] // an hour: ReconnectingClientFactory's default MaxDelay
    [InlineData(int.MaxValue, int.MaxValue)]
    public void SelectWaitsAreClampedInsteadOfOverflowing(int timeoutMs, int expectedMicroseconds)
    {
        Assert.Equal(expectedMicroseconds, PortableReactor.ToSelectMicroseconds(timeoutMs));
    }
}
