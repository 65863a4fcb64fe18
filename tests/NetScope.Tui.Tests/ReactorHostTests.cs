using NetScope.Core.Reactor;
using NetScope.Tui.App;

namespace NetScope.Tui.Tests;

public sealed class ReactorHostTests
{
    [Fact]
    public async Task StartingReturnsOnceTheReactorRunsOnItsOwnThread()
    {
        var host = await ReactorHost.StartAsync(Reactors.Create());
        try
        {
            // Before Run every thread counts as the reactor's; after StartAsync only the host's does.
            Assert.False(host.Reactor.IsReactorThread);
            var onReactor = await host.Workspace.InvokeAsync(() => host.Reactor.IsReactorThread);
            Assert.True(onReactor);
        }
        finally
        {
            Assert.True(host.Stop(TimeSpan.FromSeconds(10)));
        }
    }
}
