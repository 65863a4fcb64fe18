namespace NetScope.Core.Reactor;

/// <summary>The reactor is not running (or is already stopping), so it cannot be stopped.</summary>
public class ReactorNotRunningException : InvalidOperationException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ReactorNotRunningException()
        : base("The reactor is not running.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ReactorNotRunningException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ReactorNotRunningException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
