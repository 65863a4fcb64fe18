using Microsoft.Extensions.Logging;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Time;

namespace NetScope.Core.Protocols;

/// <summary>
/// A client factory that reconnects with an exponential back-off after a failed attempt or a
/// lost connection (Twisted's <c>ReconnectingClientFactory</c>, with its parameters). Call
/// <see cref="ResetDelay"/> once a connection has succeeded (typically from the protocol's
/// <c>ConnectionMade</c>), and <see cref="StopTrying"/> to give up.
/// </summary>
/// <remarks>
/// <para>
/// Each retry multiplies the delay by <see cref="Factor"/> up to <see cref="MaxDelay"/>, then
/// draws the actual delay from a normal distribution centred on it with a standard deviation
/// of <see cref="Jitter"/> times it, so that many clients cut off at once do not all come back
/// at once. The drawn delay becomes the base for the next retry, as in Twisted. Unlike Twisted,
/// the drawn delay is kept between 0 and <see cref="MaxDelay"/>.
/// </para>
/// <para>Time comes from the <see cref="IReactorTime"/> given, so tests drive it with a Clock.</para>
/// </remarks>
public class ReconnectingClientFactory : ClientFactory
{
    /// <summary>Twisted's <c>factor</c>: e.</summary>
    public const double DefaultFactor = 2.7182818284590451;

    /// <summary>Twisted's <c>jitter</c>.</summary>
    public const double DefaultJitter = 0.119626565582;

    private readonly ILogger _logger = NetScopeLogging.CreateLogger(ProtocolsLog.Category);
    private double? _delay;

    /// <summary>
    /// Creates the factory. Retries are scheduled on <paramref name="clock"/>; protocols come
    /// from <paramref name="build"/> (or an override of <c>BuildProtocol</c>); the jitter is drawn
    /// from <paramref name="random"/> (pass a seeded one for reproducible delays).
    /// </summary>
    public ReconnectingClientFactory(IReactorTime clock, Func<IProtocol>? build = null, Random? random = null)
        : base(build)
    {
        Clock = clock ?? throw new ArgumentNullException(nameof(clock));
        Random = random ?? Random.Shared;
    }

    /// <summary>The clock retries are scheduled on.</summary>
    public IReactorTime Clock { get; set; }

    /// <summary>Where the jitter is drawn from.</summary>
    public Random Random { get; set; }

    /// <summary>The longest delay between attempts, in seconds.</summary>
    /// <remarks>Defaults to 3600.</remarks>
    public double MaxDelay { get; set; } = 3600;

    /// <summary>The delay the first retry grows from, in seconds (the first retry waits about <c>InitialDelay × Factor</c>).</summary>
    /// <remarks>Defaults to 1.</remarks>
    public double InitialDelay { get; set; } = 1.0;

    /// <summary>How much the delay grows at each retry.</summary>
    /// <remarks>Defaults to e (2.718...), Twisted's value.</remarks>
    public double Factor { get; set; } = DefaultFactor;

    /// <summary>The standard deviation of the random delay, as a fraction of the delay; 0 for none.</summary>
    /// <remarks>Defaults to 0.1196..., Twisted's value.</remarks>
    public double Jitter { get; set; } = DefaultJitter;

    /// <summary>How many consecutive retries to make before giving up; <see langword="null"/> for no limit.</summary>
    /// <remarks>Defaults to no limit.</remarks>
    public int? MaxRetries { get; set; }

    /// <summary>The current delay: the one the last retry waited, or <see cref="InitialDelay"/> before any.</summary>
    public double Delay => _delay ?? InitialDelay;

    /// <summary>Consecutive retries since the last <see cref="ResetDelay"/>.</summary>
    public int Retries { get; private set; }

    /// <summary><see langword="false"/> after <see cref="StopTrying"/>, until <see cref="ResetDelay"/>.</summary>
    public bool ContinueTrying { get; private set; } = true;

    /// <summary>The connector of the last failed attempt or lost connection.</summary>
    public IConnector? Connector { get; private set; }

    /// <summary>The scheduled reconnection, while one is pending (for views: its time is when the next attempt starts).</summary>
    public IDelayedCall? PendingRetry { get; private set; }

    /// <summary>Schedules a retry unless <see cref="StopTrying"/> was called.</summary>
    public override void ClientConnectionFailed(IConnector connector, Failure reason)
    {
        if (ContinueTrying)
        {
            Connector = connector;
            Retry();
        }
    }

    /// <summary>Schedules a retry unless <see cref="StopTrying"/> was called.</summary>
    public override void ClientConnectionLost(IConnector connector, Failure reason)
    {
        if (ContinueTrying)
        {
            Connector = connector;
            Retry();
        }
    }

    /// <summary>
    /// Has <paramref name="connector"/> (or the last one seen) connect again after the next
    /// delay, unless <see cref="StopTrying"/> was called or <see cref="MaxRetries"/> is reached.
    /// </summary>
    /// <exception cref="InvalidOperationException">No connector was given or seen.</exception>
    public void Retry(IConnector? connector = null)
    {
        if (!ContinueTrying)
        {
            ProtocolsLog.RetryAbandoned(_logger, Describe(connector ?? Connector));
            return;
        }

        connector ??= Connector ?? throw new InvalidOperationException("There is no connector to retry.");
        Retries++;
        if (MaxRetries is { } maxRetries && Retries > maxRetries)
        {
            ProtocolsLog.RetriesExhausted(_logger, Describe(connector), Retries - 1);
            return;
        }

        var delay = Math.Min(Delay * Factor, MaxDelay);
        if (Jitter != 0)
        {
            delay = Math.Clamp(NextGaussian(delay, delay * Jitter), 0, MaxDelay);
        }

        _delay = delay;
        ProtocolsLog.RetryScheduled(_logger, Describe(connector), delay, Retries);
        PendingRetry = Clock.CallLater(delay, () =>
        {
            PendingRetry = null;
            connector.Connect();
        });
    }

    /// <summary>Cancels a pending retry, stops an attempt in progress and makes no further attempts.</summary>
    public void StopTrying()
    {
        if (PendingRetry is { } pending)
        {
            PendingRetry = null;
            if (pending.Active())
            {
                pending.Cancel();
            }
        }

        ContinueTrying = false;
        Connector?.StopConnecting();
    }

    /// <summary>Call after a successful connection: resets the delay and the retry count, and allows retries again.</summary>
    public void ResetDelay()
    {
        _delay = null;
        Retries = 0;
        PendingRetry = null;
        ContinueTrying = true;
    }

    private static string Describe(IConnector? connector) => connector?.GetDestination().ToString() ?? "(no connector)";

    /// <summary>A draw from the normal distribution with <paramref name="mean"/> and standard <paramref name="deviation"/> (Box-Muller).</summary>
    private double NextGaussian(double mean, double deviation)
    {
        var u1 = 1.0 - Random.NextDouble();
        var u2 = Random.NextDouble();
        var standard = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
        return mean + (deviation * standard);
    }
}
