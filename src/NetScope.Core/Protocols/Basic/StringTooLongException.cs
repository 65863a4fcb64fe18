namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// A string is too long for the length prefix of the protocol asked to send it (Twisted's
/// <c>StringTooLongError</c>): an <see cref="Int16StringReceiver"/> cannot frame 65536 bytes.
/// </summary>
public class StringTooLongException : ArgumentException
{
    /// <summary>Creates the exception with the default message.</summary>
    public StringTooLongException()
        : base("The string is too long for the length prefix.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public StringTooLongException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public StringTooLongException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
