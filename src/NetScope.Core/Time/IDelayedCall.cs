namespace NetScope.Core.Time;

/// <summary>A call scheduled by <see cref="IReactorTime.CallLater"/> (Twisted's <c>IDelayedCall</c>).</summary>
public interface IDelayedCall
{
    /// <summary>When the call is due, on the scheduling clock's <see cref="IReactorTime.Seconds"/> scale.</summary>
    double GetTime();

    /// <summary>Cancels the call.</summary>
    /// <exception cref="DelayedCallAlreadyCalledException">The call has already run.</exception>
    /// <exception cref="DelayedCallAlreadyCancelledException">The call was already cancelled.</exception>
    void Cancel();

    /// <summary>Moves the due time <paramref name="secondsLater"/> later (earlier if negative).</summary>
    void Delay(double secondsLater);

    /// <summary>Makes the call due <paramref name="secondsFromNow"/> from now.</summary>
    void Reset(double secondsFromNow);

    /// <summary><see langword="true"/> while the call has neither run nor been cancelled.</summary>
    bool Active();

    /// <summary><see langword="true"/> once the call has run (or started running).</summary>
    bool Called { get; }

    /// <summary><see langword="true"/> once the call has been cancelled.</summary>
    bool Cancelled { get; }
}
