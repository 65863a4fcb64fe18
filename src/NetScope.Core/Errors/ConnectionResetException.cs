namespace NetScope.Core.Errors;

/// <summary>The peer reset the connection (ECONNRESET, EPIPE).</summary>
public class ConnectionResetException : ConnectionLostException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionResetException()
        : base("connection reset by peer")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionResetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionResetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
