namespace NetScope.Core.Time;

/// <summary>Thrown when a delayed call that has already run is cancelled, delayed or reset (Twisted's <c>error.AlreadyCalled</c>).</summary>
public class DelayedCallAlreadyCalledException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public DelayedCallAlreadyCalledException()
        : base("The delayed call has already run.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DelayedCallAlreadyCalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public DelayedCallAlreadyCalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
