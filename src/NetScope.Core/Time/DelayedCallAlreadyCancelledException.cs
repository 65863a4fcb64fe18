namespace NetScope.Core.Time;

/// <summary>Thrown when a cancelled delayed call is cancelled, delayed or reset again (Twisted's <c>error.AlreadyCancelled</c>).</summary>
public class DelayedCallAlreadyCancelledException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public DelayedCallAlreadyCancelledException()
        : base("The delayed call was already cancelled.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DelayedCallAlreadyCancelledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public DelayedCallAlreadyCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
