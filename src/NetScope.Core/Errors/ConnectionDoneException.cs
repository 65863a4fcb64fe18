namespace NetScope.Core.Errors;

/// <summary>The connection was closed cleanly (Twisted's <c>ConnectionDone</c>).</summary>
public class ConnectionDoneException : ConnectionClosedException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectionDoneException()
        : base("connection done")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectionDoneException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectionDoneException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
