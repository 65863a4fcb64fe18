using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Testing;

namespace NetScope.Core.Tests.Protocols;

public class ReconnectingClientFactoryTests
{
    [Fact]
    public void WithoutJitterTheDelayGrowsByTheFactorUpToMaxDelay()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0, Factor = 10, MaxDelay = 500 };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        var delays = new List<double>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var before = reactor.Seconds();
            connector.Fail(new ConnectionRefusedException());
            var call = Assert.Single(reactor.GetDelayedCalls());
            delays.Add(call.GetTime() - before);
            Assert.Same(call, factory.PendingRetry);
            reactor.Advance(call.GetTime() - before);
            Assert.Equal(MemoryConnectorState.Connecting, connector.State);
        }

        Assert.Equal([10.0, 100.0, 500.0, 500.0, 500.0], delays);
        Assert.Equal(6, connector.Attempts);
        Assert.Equal(5, factory.Retries);
    }

    [Fact]
    public void TwistedsDefaultsGrowByEFromOneSecond()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0 };
        Assert.Equal((1.0, 3600.0, Math.E, 0.119626565582), (factory.InitialDelay, factory.MaxDelay, factory.Factor, ReconnectingClientFactory.DefaultJitter));
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.Fail(new ConnectTimeoutException());
        Assert.Equal(Math.E, reactor.GetDelayedCalls()[0].GetTime(), precision: 12);
        reactor.Advance(Math.E);
        connector.Fail(new ConnectTimeoutException());
        Assert.Equal(Math.E + (Math.E * Math.E), reactor.GetDelayedCalls()[0].GetTime(), precision: 12);
    }

    [Fact]
    public void JitteredDelaysAreReproducibleWithASeedAndStayWithinBounds()
    {
        static List<double> Delays(int seed)
        {
            var reactor = new MemoryReactor();
            var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol(), new Random(seed)) { MaxDelay = 60 };
            var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
            var delays = new List<double>();
            for (var attempt = 0; attempt < 12; attempt++)
            {
                var before = reactor.Seconds();
                connector.Fail(new ConnectionRefusedException());
                var due = reactor.GetDelayedCalls()[0].GetTime();
                delays.Add(factory.Delay);
                Assert.Equal(factory.Delay, due - before, precision: 9);
                reactor.Advance(due - before);
            }

            return delays;
        }

        var first = Delays(seed: 1234);
        Assert.Equal(first, Delays(seed: 1234));
        Assert.NotEqual(first, Delays(seed: 4321));

        // Each delay is the previous one times e, then drawn with a 12% standard deviation:
        // with this seed every draw is within 5 deviations, and none passes MaxDelay (draws
        // above it are clamped to it).
        var previous = 1.0;
        foreach (var delay in first)
        {
            var nominal = Math.Min(previous * Math.E, 60);
            Assert.InRange(delay, nominal * (1 - (5 * 0.119626565582)), Math.Min(60, nominal * (1 + (5 * 0.119626565582))));
            if (nominal < 60)
            {
                Assert.NotEqual(nominal, delay);
            }

            previous = delay;
        }
    }

    [Fact]
    public void MaxRetriesStopsTheAttempts()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0, MaxRetries = 2 };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            connector.Fail(new ConnectionRefusedException());
            reactor.Advance(reactor.GetDelayedCalls()[0].GetTime() - reactor.Seconds());
        }

        connector.Fail(new ConnectionRefusedException());
        Assert.Empty(reactor.GetDelayedCalls());
        Assert.Equal(3, connector.Attempts);
        Assert.Equal(MemoryConnectorState.Disconnected, connector.State);
    }

    [Fact]
    public void ALostConnectionIsRetriedAndResetDelayStartsTheBackOffAgain()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0, Factor = 2 };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.Fail(new ConnectionRefusedException());
        reactor.Advance(2);
        connector.Fail(new ConnectionRefusedException());
        reactor.Advance(4);
        Assert.Equal(4, factory.Delay);

        connector.Complete();
        factory.ResetDelay();
        Assert.Equal((1.0, 0), (factory.Delay, factory.Retries));
        connector.Lose(new ConnectionResetException());
        var call = Assert.Single(reactor.GetDelayedCalls());
        Assert.Equal(reactor.Seconds() + 2, call.GetTime());
        Assert.Same(connector, factory.Connector);
    }

    [Fact]
    public void StopTryingCancelsThePendingRetryAndIgnoresLaterFailures()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0 };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.Fail(new ConnectionRefusedException());
        var pending = factory.PendingRetry!;
        factory.StopTrying();
        Assert.True(pending.Cancelled);
        Assert.Null(factory.PendingRetry);
        Assert.False(factory.ContinueTrying);
        reactor.Advance(10);
        Assert.Equal(1, connector.Attempts);

        connector.Connect();
        connector.Fail(new ConnectionRefusedException());
        Assert.Empty(reactor.GetDelayedCalls());
    }

    [Fact]
    public void StopTryingStopsAnAttemptInProgress()
    {
        var reactor = new MemoryReactor();
        var factory = new ReconnectingClientFactory(reactor, () => new AccumulatingProtocol()) { Jitter = 0 };
        var connector = (MemoryConnector)reactor.ConnectTcp("192.0.2.1", 7, factory);
        connector.Fail(new ConnectionRefusedException());
        reactor.Advance(Math.E);
        Assert.Equal(MemoryConnectorState.Connecting, connector.State);
        factory.StopTrying();
        Assert.True(connector.StoppedConnecting);
        Assert.Equal(MemoryConnectorState.Disconnected, connector.State);
        Assert.Empty(reactor.GetDelayedCalls());
    }

    [Fact]
    public void RetryWithoutAConnectorSaysSo()
    {
        var factory = new ReconnectingClientFactory(new Clock());
        Assert.Throws<InvalidOperationException>(() => factory.Retry());
    }
}
