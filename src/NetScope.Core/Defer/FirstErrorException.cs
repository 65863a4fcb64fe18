using System.Globalization;

namespace NetScope.Core.Defer;

/// <summary>
/// The first failure in a <see cref="DeferredList"/> created with <c>fireOnOneErrback</c>
/// (and so in <see cref="Deferred.GatherResults"/>): Twisted's <c>FirstError</c>.
/// </summary>
public class FirstErrorException : Exception
{
    /// <summary>Wraps <paramref name="subFailure"/>, which happened at position <paramref name="index"/>.</summary>
    public FirstErrorException(Failure subFailure, int index)
        : base(string.Create(CultureInfo.InvariantCulture, $"FirstError[#{index}, {subFailure.GetBriefTraceback()}]"), subFailure.Value)
    {
        SubFailure = subFailure;
        Index = index;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public FirstErrorException()
        : this("FirstError")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public FirstErrorException(string message)
        : base(message)
    {
        SubFailure = new Failure(new InvalidOperationException(message));
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public FirstErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        SubFailure = new Failure(innerException);
    }

    /// <summary>The failure that occurred.</summary>
    public Failure SubFailure { get; }

    /// <summary>The position, in the list, of the Deferred that failed.</summary>
    public int Index { get; }
}
