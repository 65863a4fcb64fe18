namespace NetScope.Web.Server;

/// <summary>
/// Thrown by a resource that cannot render the request's method (twisted.web's <c>UnsupportedMethod</c>). The
/// server answers 405 with an <c>Allow</c> header for a method HTTP defines, and 501 for any other.
/// </summary>
public class UnsupportedMethodException : Exception
{
    /// <summary>Creates the exception with no allowed method.</summary>
    public UnsupportedMethodException()
        : this([])
    {
    }

    /// <summary>Creates the exception with the methods the resource does render.</summary>
    /// <param name="allowedMethods">The methods to list in the <c>Allow</c> header.</param>
    public UnsupportedMethodException(IReadOnlyList<string> allowedMethods)
        : base($"The resource only renders {(allowedMethods is { Count: > 0 } ? string.Join(", ", allowedMethods) : "nothing")}.")
    {
        AllowedMethods = allowedMethods ?? [];
    }

    /// <summary>Creates the exception with a message and no allowed method.</summary>
    /// <param name="message">Why.</param>
    public UnsupportedMethodException(string message)
        : base(message)
    {
        AllowedMethods = [];
    }

    /// <summary>Creates the exception with a message, an inner exception and no allowed method.</summary>
    /// <param name="message">Why.</param>
    /// <param name="innerException">The cause.</param>
    public UnsupportedMethodException(string message, Exception innerException)
        : base(message, innerException)
    {
        AllowedMethods = [];
    }

    /// <summary>The methods the resource renders.</summary>
    public IReadOnlyList<string> AllowedMethods { get; }
}
