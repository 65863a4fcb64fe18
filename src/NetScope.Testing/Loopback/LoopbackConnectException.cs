using NetScope.Core.Defer;

namespace NetScope.Testing.Loopback;

/// <summary>A <see cref="LoopbackRun"/>'s client could not connect to its own listener.</summary>
public sealed class LoopbackConnectException : Exception
{
    /// <summary>Creates the exception from the connection failure.</summary>
    /// <param name="reason">Why the connection attempt failed.</param>
    public LoopbackConnectException(Failure reason)
        : base($"The loopback client could not connect: {reason?.Value.Message}", reason?.Value)
    {
        Reason = reason ?? throw new ArgumentNullException(nameof(reason));
    }

    /// <summary>Why the connection attempt failed.</summary>
    public Failure Reason { get; }
}
