using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class LinuxPlatformTests
{
    [Fact]
    public void EpollIsSupportedOnThisLinuxMachine()
    {
        // The test machines are Linux x64 or Arm64 kernels with epoll; the reactor tests rely on it.
        Assert.True(OperatingSystem.IsLinux());
        Assert.True(LinuxPlatform.IsSupported);
    }
}
