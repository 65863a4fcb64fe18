namespace NetScope.Core.Defer;

/// <summary>The error a cancelled Deferred fails with (Twisted's <c>CancelledError</c>).</summary>
public class CancelledException : OperationCanceledException
{
    /// <summary>Creates the exception with the default message.</summary>
    public CancelledException()
        : base("Deferred was cancelled.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CancelledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public CancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
