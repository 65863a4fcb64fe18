using NetScope.Core.Internal.Linux;
using NetScope.Core.Reactor.Epoll;
using NetScope.Core.Reactor.Portable;

namespace NetScope.Core.Reactor;

/// <summary>Creates reactors.</summary>
public static class Reactors
{
    /// <summary>The best reactor for this platform: epoll on Linux, the portable one elsewhere.</summary>
    public static ReactorKind DefaultKind => LinuxPlatform.IsSupported ? ReactorKind.Epoll : ReactorKind.Portable;

    /// <summary>The implementations that work on this machine.</summary>
    public static IReadOnlyList<ReactorKind> Available { get; } =
        LinuxPlatform.IsSupported ? [ReactorKind.Epoll, ReactorKind.Portable] : [ReactorKind.Portable];

    /// <summary>Creates a reactor of the default kind.</summary>
    public static IReactor Create(ReactorOptions? options = null) => Create(DefaultKind, options);

    /// <summary>Creates a reactor of <paramref name="kind"/>.</summary>
    /// <exception cref="PlatformNotSupportedException">That implementation does not work on this machine.</exception>
    public static IReactor Create(ReactorKind kind, ReactorOptions? options = null) => kind switch
    {
        ReactorKind.Epoll when LinuxPlatform.IsSupported => new EpollReactor(options),
        ReactorKind.Portable => new PortableReactor(options),
        _ => throw new PlatformNotSupportedException($"The {kind} reactor is not available on this machine."),
    };
}
