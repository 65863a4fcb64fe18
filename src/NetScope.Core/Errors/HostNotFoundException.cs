namespace NetScope.Core.Errors;

/// <summary>The host name could not be resolved (Twisted's <c>DNSLookupError</c>).</summary>
public class HostNotFoundException : ConnectException
{
    /// <summary>Creates the exception with the default message.</summary>
    public HostNotFoundException()
        : base("host not found")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public HostNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public HostNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
