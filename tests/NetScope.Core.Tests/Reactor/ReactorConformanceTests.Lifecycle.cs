using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Core.Tests.Reactor.Support;

namespace NetScope.Core.Tests.Reactor;

/// <content>Run, Stop, Crash, CallWhenRunning and system event triggers (Twisted's test_core.py).</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void RunLoopsUntilStopAndThenTheReactorIsNoLongerRunning()
    {
        var reactor = CreateReactor();
        bool? runningInside = null;
        Assert.False(reactor.Running);
        RunReactor(reactor, r =>
        {
            runningInside = r.Running;
            r.Stop();
        });
        Assert.True(runningInside);
        Assert.False(reactor.Running);
    }

    [Fact]
    public void RunWhileRunningThrowsReactorAlreadyRunning()
    {
        var reactor = CreateReactor();
        Exception? thrown = null;
        RunReactor(reactor, r =>
        {
            thrown = Record.Exception(r.Run);
            r.Stop();
        });
        Assert.IsType<ReactorAlreadyRunningException>(thrown);
    }

    [Fact]
    public void RunAfterStopThrowsReactorAlreadyRunningBecauseReactorsCannotRestart()
    {
        var reactor = CreateReactor();
        RunReactor(reactor, r => r.Stop());
        Assert.Throws<ReactorAlreadyRunningException>(reactor.Run);
    }

    [Fact]
    public void StopBeforeRunThrowsReactorNotRunning()
    {
        var reactor = CreateReactor();
        Assert.Throws<ReactorNotRunningException>(reactor.Stop);
    }

    [Fact]
    public void StopWhileStoppingAndAfterStoppedThrowsReactorNotRunning()
    {
        var reactor = CreateReactor();
        Exception? secondStop = null;
        RunReactor(reactor, r =>
        {
            r.Stop();
            secondStop = Record.Exception(r.Stop);
        });
        Assert.IsType<ReactorNotRunningException>(secondStop);
        Assert.Throws<ReactorNotRunningException>(reactor.Stop);
    }

    [Fact]
    public void CallWhenRunningBeforeRunCallsInOrderOnceTheReactorRuns()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        reactor.CallWhenRunning(() => events.Add($"first running={reactor.Running}"));
        reactor.CallWhenRunning(() => events.Add($"second running={reactor.Running}"));
        Assert.Empty(events);
        RunReactor(reactor, r => r.Stop());
        Assert.Equal(["first running=True", "second running=True"], events);
    }

    [Fact]
    public void CallWhenRunningWhileRunningCallsAtOnce()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        RunReactor(reactor, r =>
        {
            r.CallWhenRunning(() => events.Add("called"));
            events.Add("returned");
            r.Stop();
        });
        Assert.Equal(["called", "returned"], events);
    }

    [Fact]
    public void StartupTriggersRunBeforeDuringAfterAndTheReactorRunsFromDuring()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Startup, () => Note("after"));
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Startup, () => Note("during"));
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Startup, () => Note("before"));
        RunReactor(reactor, r => r.Stop());
        Assert.Equal(["before running=False", "during running=True", "after running=True"], events);

        object? Note(string phase)
        {
            events.Add($"{phase} running={reactor.Running}");
            return null;
        }
    }

    [Fact]
    public void DeferredFromABeforeStartupTriggerDelaysTheRestOfStartup()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Startup, () =>
        {
            events.Add("before");
            var ready = new Deferred();
            reactor.CallLater(0, () =>
            {
                events.Add("ready");
                ready.Callback(null);
            });
            return ready;
        });
        RunReactor(reactor, r =>
        {
            events.Add("running");
            r.Stop();
        });
        Assert.Equal(["before", "ready", "running"], events);
    }

    [Fact]
    public void StopFiresShutdownTriggersInOrderAfterItReturns()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Shutdown, () => Note("after"));
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Shutdown, () => Note("during"));
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () => Note("before"));
        RunReactor(reactor, r =>
        {
            r.Stop();
            events.Add("stop returned");
        });
        Assert.Equal(["stop returned", "before", "during", "after"], events);

        object? Note(string phase)
        {
            events.Add(phase);
            return null;
        }
    }

    [Fact]
    public void DeferredFromABeforeShutdownTriggerDelaysTheRestOfShutdownWhileTheNetworkStillWorks()
    {
        // A service finishing its work in a before-shutdown trigger may still use the network:
        // the listening port accepts and connections carry data until its Deferred fires.
        var reactor = CreateReactor();
        var events = new List<string>();
        var server = EchoServer();
        var client = new Recorder { OnMade = c => c.Transport.Write("last words"u8) };
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            events.Add("before");
            var port = reactor.ListenTcp(0, new QueueFactory(server), bindAddress: "127.0.0.1");
            reactor.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => client), 5);
            var finished = client.WhenReceived(10);
            finished.AddCallback(_ =>
            {
                events.Add($"echoed '{client.ReceivedText}'");
                return null;
            });
            return finished;
        });
        reactor.AddSystemEventTrigger(SystemEventPhase.During, SystemEvents.Shutdown, () =>
        {
            events.Add("during");
            return null;
        });
        reactor.AddSystemEventTrigger(SystemEventPhase.After, SystemEvents.Shutdown, () =>
        {
            events.Add("after");
            return null;
        });
        RunReactor(reactor, r => r.Stop());
        Assert.Equal(["before", "echoed 'last words'", "during", "after"], events);

        // The reactor's own part of shutdown then closed the connection cleanly.
        Assert.Equal(["made", "lost: ConnectionDoneException"], client.Events);
    }

    [Fact]
    public void CrashStopsTheLoopWithoutShutdownTriggers()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            events.Add("shutdown");
            return null;
        });
        RunReactor(reactor, r => r.CallLater(0, () =>
        {
            r.Crash();
            events.Add("crashed");
        }));
        Assert.Equal(["crashed"], events);
        Assert.False(reactor.Running);
    }

    [Fact]
    public void RemovedTriggerDoesNotRunAndAThrowingTriggerDoesNotStopTheOthers()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        var removed = reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            events.Add("removed");
            return null;
        });
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () => throw new InvalidOperationException("trigger failed"));
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            events.Add("kept");
            return null;
        });
        reactor.RemoveSystemEventTrigger(removed);
        Assert.Throws<ArgumentException>(() => reactor.RemoveSystemEventTrigger(removed));
        RunReactor(reactor, r => r.Stop());
        Assert.Equal(["kept"], events);
        Assert.Equal("trigger failed", Assert.Single(Log.FlushErrors<InvalidOperationException>()).Exception!.Message);
    }

    [Fact]
    public void FireSystemEventRunsTheTriggersOfAnEventOfYourOwn()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        foreach (var phase in new[] { SystemEventPhase.After, SystemEventPhase.Before, SystemEventPhase.During })
        {
            reactor.AddSystemEventTrigger(phase, "reload", () =>
            {
                events.Add(phase.ToString());
                return null;
            });
        }

        RunReactor(reactor, r =>
        {
            r.FireSystemEvent("reload");
            r.Stop();
        });
        Assert.Equal(["Before", "During", "After"], events);
    }
}
