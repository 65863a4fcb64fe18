namespace NetScope.Core.Errors;

/// <summary>The base of NetScope's network errors: each carries a one-line message naming the cause.</summary>
public class NetworkException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public NetworkException()
        : base("network error")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public NetworkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public NetworkException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
