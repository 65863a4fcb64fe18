using System.Runtime.ExceptionServices;
using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Core.Tests.Reactor.Support;

namespace NetScope.Core.Tests.Reactor;

/// <summary>
/// The behaviour every reactor must have, written once and run against each implementation,
/// as Twisted's <c>ReactorBuilder</c> does: a concrete subclass per reactor supplies
/// <see cref="CreateReactor"/>. The tests are split by concern into partial files
/// (lifecycle, time, threads, TCP basics, TCP closing, flow control, scale, errors, shutdown).
/// </summary>
/// <remarks>
/// Every test runs its reactor on a dedicated thread and waits for it with a bound; a test
/// that never stops its reactor fails instead of hanging. Errors the reactor logs while it
/// keeps running (a protocol that threw, an assertion failing inside a callback) fail the
/// test unless it flushes them as expected.
/// </remarks>
public abstract partial class ReactorConformanceTests : IDisposable
{
    /// <summary>How long a test's reactor may run before the test fails; tests take milliseconds.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(15);

    private readonly LogCapture _log = new();

    static ReactorConformanceTests() => LogCapture.InstallRouting();

    /// <summary>A new, never-run reactor of the implementation under test.</summary>
    protected abstract IReactor CreateReactor(ReactorOptions? options = null);

    /// <summary>What the engine logged during this test.</summary>
    private protected LogCapture Log => _log;

    public void Dispose()
    {
        _log.AssertNoErrors();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Runs <paramref name="reactor"/> on a dedicated thread until it stops, calling
    /// <paramref name="start"/> on that thread once it is running. Fails the test if the
    /// reactor is still running after <paramref name="limit"/> (it is then crashed from this
    /// thread), or if <paramref name="start"/> or <c>Run</c> threw.
    /// </summary>
    private protected void RunReactor(IReactor reactor, TimeSpan limit, Action<IReactor> start)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            reactor.CallWhenRunning(() =>
            {
                try
                {
                    start(reactor);
                }
                catch (Exception exception)
                {
                    failure ??= ExceptionDispatchInfo.Capture(exception);
                    reactor.Crash();
                }
            });
            try
            {
                reactor.Run();
            }
            catch (Exception exception)
            {
                failure ??= ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = $"{reactor.Name} reactor under test",
        };

        // The thread inherits this execution context, and with it the test's log capture.
        var previous = LogCapture.Current;
        LogCapture.Current = _log;
        try
        {
            thread.Start();
        }
        finally
        {
            LogCapture.Current = previous;
        }

        var finished = thread.Join(limit);
        if (!finished)
        {
            reactor.CallFromThread(reactor.Crash);
            if (!thread.Join(TimeSpan.FromSeconds(5)))
            {
                Assert.Fail($"The {reactor.Name} reactor ran past its {limit.TotalSeconds}s limit and did not respond to Crash from another thread.");
            }
        }

        failure?.Throw();
        Assert.True(finished, $"The {reactor.Name} reactor was still running after {limit.TotalSeconds}s: the test never reached the point where it stops it.");
    }

    /// <inheritdoc cref="RunReactor(IReactor, TimeSpan, Action{IReactor})"/>
    private protected void RunReactor(IReactor reactor, Action<IReactor> start) => RunReactor(reactor, Limit, start);

    /// <summary>
    /// Connects <paramref name="client"/> to <paramref name="server"/> over loopback on a new
    /// reactor (Twisted's <c>runProtocolsWithReactor</c>) and runs it until both have lost
    /// their connection. Fails the test if the connection attempt fails.
    /// </summary>
    private protected void RunProtocolPair(Recorder server, Recorder client)
    {
        const string Host = "127.0.0.1";
        var reactor = CreateReactor();
        server.Reactor = reactor;
        client.Reactor = reactor;
        var factory = new RecordingClientFactory(() => client);
        RunReactor(reactor, r =>
        {
            var port = r.ListenTcp(0, new QueueFactory(server), bindAddress: Host);
            factory.Failed.AddCallback(_ =>
            {
                r.Stop();
                return null;
            });
            r.ConnectTcp(Host, Loopback.PortOf(port), factory, timeoutSeconds: 5);
            new DeferredList([server.Lost, client.Lost]).AddBoth(_ =>
            {
                port.StopListening();
                r.Stop();
                return null;
            });
        });
        Assert.Null(factory.FailureReason);
        Assert.Equal(0, server.CallbacksOffReactorThread);
        Assert.Equal(0, client.CallbacksOffReactorThread);
    }

    /// <summary>A protocol that sends back whatever it receives.</summary>
    private protected static Recorder EchoServer() => new() { OnData = (self, data) => self.Transport.Write(data) };

    /// <summary>Calls <paramref name="action"/> once all of <paramref name="protocols"/> are connected.</summary>
    private protected static void WhenAllMade(Action action, params Recorder[] protocols) =>
        new DeferredList(protocols.Select(p => p.Made)).AddCallback(_ =>
        {
            action();
            return null;
        });
}
