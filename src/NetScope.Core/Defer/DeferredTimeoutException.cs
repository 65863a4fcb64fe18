using System.Globalization;

namespace NetScope.Core.Defer;

/// <summary>
/// The error a Deferred fails with when <see cref="Deferred.AddTimeout"/> timed it out
/// (Twisted's <c>defer.TimeoutError</c>).
/// </summary>
public class DeferredTimeoutException : TimeoutException
{
    /// <summary>Creates the exception for a timeout of <paramref name="timeoutSeconds"/>.</summary>
    public DeferredTimeoutException(double timeoutSeconds)
        : base(string.Create(CultureInfo.InvariantCulture, $"Deferred timed out after {timeoutSeconds} seconds"))
    {
        TimeoutSeconds = timeoutSeconds;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public DeferredTimeoutException()
        : base("Deferred timed out")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public DeferredTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public DeferredTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The timeout that expired, in seconds (0 when unknown).</summary>
    public double TimeoutSeconds { get; }
}
