using NetScope.Core.Reactor;
using NetScope.Core.Tests.Reactor.Support;
using NetScope.Core.Time;

namespace NetScope.Core.Tests.Reactor;

/// <content>Timed calls on the reactor's real clock, and the loop's health.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void CallLaterRunsCallsInDueOrderWithTiesInSchedulingOrderAndNeverEarly()
    {
        var reactor = CreateReactor();
        var delays = new[] { 0.03, 0.01, 0.02, 0.01, 0, 0.02, 0 };
        var ran = new List<int>();
        var early = new List<int>();
        RunReactor(reactor, r =>
        {
            for (var i = 0; i < delays.Length; i++)
            {
                var index = i;
                IDelayedCall? call = null;
                call = r.CallLater(delays[i], () =>
                {
                    ran.Add(index);
                    if (r.Seconds() < call!.GetTime())
                    {
                        early.Add(index);
                    }

                    if (ran.Count == delays.Length)
                    {
                        r.Stop();
                    }
                });
            }
        });
        Assert.Equal([4, 6, 1, 3, 2, 5, 0], ran);
        Assert.Empty(early);
    }

    [Fact]
    public void CancelledCallNeverRunsAndCannotBeCancelledAgain()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        Exception? secondCancel = null;
        IDelayedCall? cancelled = null;
        RunReactor(reactor, r =>
        {
            cancelled = r.CallLater(0.01, () => events.Add("cancelled call ran"));
            r.CallLater(0.03, () =>
            {
                events.Add("later call ran");
                r.Stop();
            });
            cancelled.Cancel();
            secondCancel = Record.Exception(cancelled.Cancel);
        });
        Assert.Equal(["later call ran"], events);
        Assert.False(cancelled!.Active());
        Assert.True(cancelled.Cancelled);
        Assert.False(cancelled.Called);
        Assert.IsType<DelayedCallAlreadyCancelledException>(secondCancel);
    }

    [Fact]
    public void ResetAndDelayMoveCallsOnTheRealClock()
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        IDelayedCall? brought = null;
        IDelayedCall? pushed = null;
        Exception? cancelAfterCall = null;
        RunReactor(reactor, r =>
        {
            brought = r.CallLater(3600, () => events.Add("reset from an hour to 10ms"));
            pushed = r.CallLater(0.01, () =>
            {
                events.Add("delayed from 10ms to 70ms");
                cancelAfterCall = Record.Exception(pushed!.Cancel);
                r.Stop();
            });
            r.CallLater(0.04, () => events.Add("fixed at 40ms"));
            brought.Reset(0.01);
            pushed.Delay(0.06);
        });
        Assert.Equal(["reset from an hour to 10ms", "fixed at 40ms", "delayed from 10ms to 70ms"], events);
        Assert.True(brought!.Called);
        Assert.True(pushed!.Called);
        Assert.IsType<DelayedCallAlreadyCalledException>(cancelAfterCall);
    }

    [Fact]
    public void GetDelayedCallsListsPendingCallsInDueOrder()
    {
        var reactor = CreateReactor();
        IReadOnlyList<IDelayedCall>? pending = null;
        IDelayedCall[] calls = [];
        RunReactor(reactor, r =>
        {
            calls = [r.CallLater(30, () => { }), r.CallLater(10, () => { }), r.CallLater(20, () => { })];
            calls[0].Cancel();
            pending = r.GetDelayedCalls();
            calls[1].Cancel();
            calls[2].Cancel();
            r.Stop();
        });
        Assert.Equal([calls[1], calls[2]], pending!);
    }

    [Fact]
    public void ZeroDelayCallThatReschedulesItselfDoesNotStarveIo()
    {
        var reactor = CreateReactor();
        var spins = 0;
        var spinsWhenEchoed = 0;
        var client = new Recorder { OnMade = c => c.Transport.Write("still alive"u8) };
        RunReactor(reactor, r =>
        {
            var stopped = false;
            void Spin()
            {
                spins++;
                if (!stopped)
                {
                    r.CallLater(0, Spin);
                }
            }

            Spin();
            var port = r.ListenTcp(0, new QueueFactory(EchoServer()), bindAddress: "127.0.0.1");
            r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => client), 5);
            client.WhenReceived(11).AddCallback(_ =>
            {
                spinsWhenEchoed = spins;
                stopped = true;
                r.Stop();
                return null;
            });
        });
        Assert.Equal("still alive", client.ReceivedText);
        Assert.True(spinsWhenEchoed > 1, $"the spinning call ran {spinsWhenEchoed} times before the echo arrived");
    }

    [Fact]
    public void LateTimedCallShowsAsTimerLagInHealthUntilTheNextSnapshot()
    {
        // The loop is held up by work on the reactor thread (a busy loop, which is exactly
        // what makes timers late), so a call due in 10 ms runs about 100 ms late.
        var reactor = CreateReactor();
        var blockSeconds = 0.1;
        var snapshots = new List<ReactorHealth>();
        RunReactor(reactor, r =>
        {
            r.CallLater(0.01, () => r.CallLater(0, () =>
            {
                snapshots.Add(r.GetHealth());
                snapshots.Add(r.GetHealth());
                r.Stop();
            }));
            var until = r.Seconds() + blockSeconds;
            while (r.Seconds() < until)
            {
            }
        });
        Assert.Equal(2, snapshots.Count);
        Assert.InRange(snapshots[0].MaxTimerLagSeconds, blockSeconds - 0.02, 5);
        Assert.True(snapshots[1].MaxTimerLagSeconds < blockSeconds - 0.02, $"the worst lag is reported once, then reset; the second snapshot still said {snapshots[1].MaxTimerLagSeconds:0.000}s");
        Assert.True(snapshots[0].Iterations > 0);
    }

    [Fact]
    public void HealthListsPendingCallsSoonestFirst()
    {
        var reactor = CreateReactor();
        ReactorHealth? health = null;
        RunReactor(reactor, r =>
        {
            var calls = new[] { r.CallLater(20, r.Crash), r.CallLater(10, r.Stop) };
            health = r.GetHealth();
            foreach (var call in calls)
            {
                call.Cancel();
            }

            r.Stop();
        });
        Assert.Equal(2, health!.PendingDelayedCalls);
        Assert.Equal(2, health.NextCalls.Count);
        Assert.InRange(health.NextCalls[0].DueInSeconds, 9, 10);
        Assert.InRange(health.NextCalls[1].DueInSeconds, 19, 20);
        Assert.Contains("Stop", health.NextCalls[0].Description, StringComparison.Ordinal);
        Assert.Contains("Crash", health.NextCalls[1].Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(86400)]
    [InlineData(3600)] // ReconnectingClientFactory's default MaxDelay
    [InlineData(2200)] // just past what fits in Select's int of microseconds
    [InlineData(30 * 86400)]
    public void AFarTimerDoesNotDisturbTheLoop(double delaySeconds)
    {
        var reactor = CreateReactor();
        var events = new List<string>();
        RunReactor(reactor, r =>
        {
            r.CallLater(delaySeconds, () => events.Add("far timer ran"));
            var thread = new Thread(() => r.CallFromThread(() =>
            {
                events.Add("woken from another thread");
                r.CallLater(0.01, () =>
                {
                    events.Add("timer ran");
                    r.Stop();
                });
            }));
            thread.Start();
        });
        Assert.Equal(["woken from another thread", "timer ran"], events);
    }
}
