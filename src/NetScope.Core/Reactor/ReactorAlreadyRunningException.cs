namespace NetScope.Core.Reactor;

/// <summary>The reactor is running, or has run and cannot be restarted.</summary>
public class ReactorAlreadyRunningException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ReactorAlreadyRunningException()
        : base("The reactor is already running.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ReactorAlreadyRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ReactorAlreadyRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
