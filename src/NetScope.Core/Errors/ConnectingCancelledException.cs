namespace NetScope.Core.Errors;

/// <summary>The connection attempt was cancelled before it completed.</summary>
public class ConnectingCancelledException : ConnectException
{
    /// <summary>Creates the exception with the default message.</summary>
    public ConnectingCancelledException()
        : base("connecting cancelled")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ConnectingCancelledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ConnectingCancelledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
