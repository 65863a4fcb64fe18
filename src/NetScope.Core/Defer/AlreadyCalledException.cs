namespace NetScope.Core.Defer;

/// <summary>Thrown when a Deferred that has already been fired is fired again (Twisted's <c>AlreadyCalledError</c>).</summary>
public class AlreadyCalledException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public AlreadyCalledException()
        : base("Deferred was already called.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AlreadyCalledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public AlreadyCalledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
