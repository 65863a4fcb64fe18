namespace NetScope.Core.Errors;

/// <summary>Nothing listens at the destination: the peer answered with a reset (ECONNREFUSED).</summary>
public class ConnectionRefusedException : ConnectException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionRefusedException()
        : base("connection refused")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
