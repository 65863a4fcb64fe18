using NetScope.Core.Reactor;

namespace NetScope.Core.Tests.Reactor;

/// <summary>
/// The conformance suite against the epoll reactor. It fails (never skips) when epoll is not
/// in <see cref="Reactors.Available"/>: on Linux that means the reactor is missing or broken.
/// </summary>
public sealed class EpollReactorTests : ReactorConformanceTests
{
    protected override IReactor CreateReactor(ReactorOptions? options = null)
    {
        if (!Reactors.Available.Contains(ReactorKind.Epoll))
        {
            Assert.Fail(OperatingSystem.IsLinux()
                ? "ReactorKind.Epoll is not in Reactors.Available on Linux: the epoll reactor must be available here."
                : "The epoll reactor runs only on Linux; run this suite on Linux.");
        }

        return Reactors.Create(ReactorKind.Epoll, options);
    }
}
