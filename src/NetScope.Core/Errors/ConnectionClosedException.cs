namespace NetScope.Core.Errors;

/// <summary>A connection ended (Twisted's <c>ConnectionClosed</c>); subclasses say how.</summary>
public class ConnectionClosedException : NetworkException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionClosedException()
        : base("connection closed")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionClosedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionClosedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
