namespace NetScope.Sessions.Streams;

/// <summary>An <c>expect</c> step did not see its pattern: timed out, or the connection closed first.</summary>
public class ExpectationFailedException : Exception
{
    /// <summary>Creates the exception with the default message.</summary>
    public ExpectationFailedException()
        : base("expectation not met")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ExpectationFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public ExpectationFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
