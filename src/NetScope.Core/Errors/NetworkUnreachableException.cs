namespace NetScope.Core.Errors;

/// <summary>No route to the destination network or host (ENETUNREACH, EHOSTUNREACH).</summary>
public class NetworkUnreachableException : ConnectException
{
    /// <summary>Creates the exception with the default message.</summary>
    public NetworkUnreachableException()
        : base("network unreachable")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public NetworkUnreachableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public NetworkUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
