using NetScope.Core.Errors;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <summary>
/// The server's answer was not acceptable HTTP: a malformed status line or header, broken chunked framing,
/// a body cut short by the connection closing, no answer at all on a connection it closed, or a body whose
/// content coding does not decode.
/// </summary>
public class HttpResponseException : NetworkException
{
    /// <summary>Creates the exception with the default message.</summary>
    public HttpResponseException()
        : base("malformed HTTP response")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    /// <param name="message">One line saying what was wrong.</param>
    public HttpResponseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    /// <param name="message">One line saying what was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public HttpResponseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error the response parser reported.</summary>
    /// <param name="error">The parser's error.</param>
    public HttpResponseException(HttpParseError error)
        : base($"malformed response: {error?.Message ?? throw new ArgumentNullException(nameof(error))}")
    {
        ParseError = error;
    }

    /// <summary>The parser's error, when the parser found the problem.</summary>
    public HttpParseError? ParseError { get; }
}
