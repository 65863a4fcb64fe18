using NetScope.Core.Reactor;

namespace NetScope.Core.Tests.Reactor;

/// <summary>The conformance suite against the portable (<c>Socket.Select</c>) reactor.</summary>
public sealed class PortableReactorTests : ReactorConformanceTests
{
    protected override IReactor CreateReactor(ReactorOptions? options = null) => Reactors.Create(ReactorKind.Portable, options);
}
