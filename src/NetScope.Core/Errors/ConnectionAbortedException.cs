namespace NetScope.Core.Errors;

/// <summary>This side aborted the connection (<c>AbortConnection</c>).</summary>
public class ConnectionAbortedException : ConnectionLostException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionAbortedException()
        : base("connection aborted")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionAbortedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionAbortedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
