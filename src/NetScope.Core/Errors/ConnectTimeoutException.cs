namespace NetScope.Core.Errors;

/// <summary>The connection attempt did not complete in time.</summary>
public class ConnectTimeoutException : ConnectException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectTimeoutException()
        : base("connection timed out")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
