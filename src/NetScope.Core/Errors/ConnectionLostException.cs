namespace NetScope.Core.Errors;

/// <summary>The connection was closed uncleanly (Twisted's <c>ConnectionLost</c>).</summary>
public class ConnectionLostException : ConnectionClosedException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionLostException()
        : base("connection lost")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
