using NetScope.Core.Time;

namespace NetScope.Core.Reactor;

/// <summary>Everything a NetScope reactor provides: the loop, time, TCP and threads.</summary>
public interface IReactor : IReactorCore, IReactorTime, IReactorTcp, IReactorThreads
{
    /// <summary>The implementation's name ("epoll", "portable"), for diagnostics.</summary>
    string Name { get; }

    /// <summary>The loop's vital signs, sampled on the reactor thread.</summary>
    ReactorHealth GetHealth();
}
