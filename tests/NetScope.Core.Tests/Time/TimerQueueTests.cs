using CsCheck;
using NetScope.Core.Time;

namespace NetScope.Core.Tests.Time;

/// <summary><see cref="TimerQueue"/>: the heap of delayed calls that reactors and the Clock share.</summary>
public class TimerQueueTests
{
    private double _now;

    private TimerQueue NewQueue() => new(() => _now);

    [Fact]
    public void RunDueRunsOnlyTheCallsDueAndCountsThem()
    {
        var queue = NewQueue();
        var ran = new List<string>();
        queue.Schedule(1, () => ran.Add("one"));
        queue.Schedule(2, () => ran.Add("two"));
        queue.Schedule(3, () => ran.Add("three"));
        Assert.Equal(3, queue.Count);
        Assert.Equal(1, queue.NextDueTime);

        Assert.Equal(2, queue.RunDue(2));

        Assert.Equal(["one", "two"], ran);
        Assert.Equal(1, queue.Count);
        Assert.Equal(3, queue.NextDueTime);
    }

    [Fact]
    public void AnEmptyQueueHasNoNextDueTime()
    {
        var queue = NewQueue();
        Assert.Null(queue.NextDueTime);
        Assert.Equal(0, queue.RunDue(100));
    }

    [Fact]
    public void DelaysAreMeasuredFromTheQueuesNow()
    {
        _now = 100;
        var queue = NewQueue();
        var call = queue.Schedule(2.5, () => { });
        Assert.Equal(102.5, call.GetTime());
    }

    [Fact]
    public void BadDelaysAreRejected()
    {
        var queue = NewQueue();
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Schedule(-0.001, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Schedule(double.NaN, () => { }));
        Assert.Throws<ArgumentOutOfRangeException>(() => queue.Schedule(double.PositiveInfinity, () => { }));
        Assert.Throws<ArgumentNullException>(() => queue.Schedule(1, null!));
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void OnlyExistingHoldsCallsScheduledDuringThePassForTheNextPass()
    {
        var queue = NewQueue();
        var ran = new List<string>();
        queue.Schedule(0, () =>
        {
            ran.Add("first");
            queue.Schedule(0, () => ran.Add("rescheduled"));
        });

        Assert.Equal(1, queue.RunDue(0, onlyExisting: true));
        Assert.Equal(["first"], ran);
        Assert.Equal(1, queue.Count);
        Assert.Equal(0, queue.NextDueTime);

        Assert.Equal(1, queue.RunDue(0, onlyExisting: true));
        Assert.Equal(["first", "rescheduled"], ran);
    }

    [Fact]
    public void ACallThatReschedulesItselfWithZeroDelayRunsOncePerPass()
    {
        var queue = NewQueue();
        var runs = 0;
        void Tick()
        {
            runs++;
            queue.Schedule(0, Tick);
        }

        queue.Schedule(0, Tick);
        for (var pass = 1; pass <= 5; pass++)
        {
            queue.RunDue(0, onlyExisting: true);
            Assert.Equal(pass, runs);
        }
    }

    [Fact]
    public void APassStartedByARunningCallDoesNotReleaseTheOuterPassesHeldCalls()
    {
        var queue = NewQueue();
        var ran = new List<string>();
        queue.Schedule(0, () =>
        {
            ran.Add("outer");
            queue.Schedule(0, () => ran.Add("scheduled before the nested pass"));
            queue.RunDue(0, onlyExisting: true);
            queue.Schedule(0, () => ran.Add("scheduled after the nested pass"));
        });
        queue.Schedule(0, () => ran.Add("existing"));

        // The outer pass counts its own call; the nested one ran the existing call, but nothing
        // the outer pass had to hold.
        Assert.Equal(1, queue.RunDue(0, onlyExisting: true));
        Assert.Equal(["outer", "existing"], ran);
        Assert.Equal(2, queue.Count);
        queue.RunDue(0, onlyExisting: true);
        Assert.Equal(["outer", "existing", "scheduled before the nested pass", "scheduled after the nested pass"], ran);
    }

    [Fact]
    public void WithoutOnlyExistingCallsScheduledDuringThePassRunIfDue()
    {
        var queue = NewQueue();
        var ran = new List<string>();
        queue.Schedule(0, () =>
        {
            ran.Add("first");
            queue.Schedule(0, () => ran.Add("second"));
        });
        Assert.Equal(2, queue.RunDue(0));
        Assert.Equal(["first", "second"], ran);
    }

    [Fact]
    public void AHeldCallIsListedAndCanBeCancelledOrMovedBeforeTheNextPass()
    {
        var queue = NewQueue();
        var ran = new List<string>();
        DelayedCall? cancelled = null;
        DelayedCall? moved = null;
        queue.Schedule(0, () =>
        {
            cancelled = queue.Schedule(0, () => ran.Add("cancelled"));
            moved = queue.Schedule(0, () => ran.Add("moved"));
            Assert.Equal(2, queue.Snapshot().Count);
            cancelled.Cancel();
            moved.Delay(1);
        });

        queue.RunDue(0, onlyExisting: true);
        Assert.Equal([moved!], queue.Snapshot());
        Assert.Equal(0, queue.RunDue(0.5, onlyExisting: true));
        Assert.Equal(1, queue.RunDue(1, onlyExisting: true));
        Assert.Equal(["moved"], ran);
    }

    [Fact]
    public void ErrorsGoToTheHandlerAndThePassContinues()
    {
        var queue = NewQueue();
        var errors = new List<(DelayedCall, string)>();
        var ran = new List<string>();
        var failing = queue.Schedule(1, () => throw new InvalidOperationException("boom"));
        queue.Schedule(1, () => ran.Add("after"));

        Assert.Equal(2, queue.RunDue(1, onError: (call, e) => errors.Add((call, e.Message))));

        Assert.Equal([(failing, "boom")], errors);
        Assert.Equal(["after"], ran);
        Assert.True(failing.Called);
    }

    [Fact]
    public void WithoutAHandlerAnErrorStopsThePassAndReleasesHeldCalls()
    {
        var queue = NewQueue();
        _now = 1;
        var ran = new List<string>();
        queue.Schedule(0, () =>
        {
            queue.Schedule(0, () => ran.Add("held"));
            throw new InvalidOperationException("boom");
        });
        queue.Schedule(0, () => ran.Add("pending"));

        Assert.Throws<InvalidOperationException>(() => queue.RunDue(1, onlyExisting: true));
        Assert.Equal(2, queue.Count);

        queue.RunDue(1);
        Assert.Equal(["pending", "held"], ran);
    }

    [Fact]
    public void RunOrderIsDueTimeThenSchedulingOrderWhateverTheOperations()
    {
        // Random schedules, cancels, delays and resets: the queue runs exactly the live calls,
        // sorted by due time and then by when each was last (re)scheduled.
        var operations = Gen.Select(Gen.Int[0, 3], Gen.Int[0, 40], Gen.Int[0, 1000]).Array[1, 120];
        operations.Sample(ops =>
        {
            var now = 0.0;
            var queue = new TimerQueue(() => now);
            var ran = new List<int>();
            var live = new List<(DelayedCall Call, int Id, double Time, long Order)>();
            long order = 0;
            var nextId = 0;
            foreach (var (kind, delay, pick) in ops)
            {
                if (kind == 0 || live.Count == 0)
                {
                    var id = nextId++;
                    var call = queue.Schedule(delay / 4.0, () => ran.Add(id));
                    live.Add((call, id, delay / 4.0, order++));
                    continue;
                }

                var index = pick % live.Count;
                var (target, targetId, time, _) = live[index];
                switch (kind)
                {
                    case 1:
                        target.Cancel();
                        live.RemoveAt(index);
                        break;
                    case 2:
                        target.Delay(delay / 8.0);
                        live[index] = (target, targetId, time + (delay / 8.0), order++);
                        break;
                    default:
                        target.Reset(delay / 2.0);
                        live[index] = (target, targetId, delay / 2.0, order++);
                        break;
                }
            }

            Assert.Equal(live.Count, queue.Count);
            queue.RunDue(double.MaxValue);
            Assert.Equal(live.OrderBy(c => c.Time).ThenBy(c => c.Order).Select(c => c.Id), ran);
            Assert.Equal(0, queue.Count);
        });
    }
}
