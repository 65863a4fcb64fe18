namespace NetScope.Core.Errors;

/// <summary>An outgoing connection could not be made (Twisted's <c>ConnectError</c>); subclasses say why.</summary>
public class ConnectException : NetworkException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectException()
        : base("connection failed")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
