using System.Net.Sockets;
using System.Reflection;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;
using NetScope.Core.Errors;
using NetScope.Core.Tls;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;
using NetScope.Web.Client;

namespace NetScope.Cli;

/// <summary>
/// The one place that turns an exception into an exit code and a one-line message, so every verb
/// fails the same way: <c>netscope: &lt;what was being done&gt;: &lt;why it failed&gt;</c>.
/// </summary>
/// <remarks>
/// A verb catches what it expects around the step that can fail and rethrows it with context:
/// <code>
/// catch (SocketException e) { throw CliErrors.Fail($"connect {endPoint}", e); }
/// </code>
/// Anything that reaches <see cref="CliRunner"/> unhandled is mapped here too, without the context;
/// an exception this class does not know is an internal error (exit code 1).
/// </remarks>
internal static class CliErrors
{
    /// <summary>The prefix of every diagnostic line netscope writes on stderr.</summary>
    public const string Prefix = "netscope: ";

    /// <summary>
    /// Maps <paramref name="exception"/> to a failure that carries its exit code and a message
    /// naming <paramref name="operation"/>, for a verb to throw.
    /// </summary>
    /// <param name="operation">What was being done, e.g. <c>connect 127.0.0.1:9</c> or <c>open trace out.json</c>.</param>
    /// <param name="exception">What went wrong.</param>
    public static CliException Fail(string operation, Exception exception)
    {
        var (code, reason) = Classify(Unwrap(exception));
        return new CliException(code, $"{operation}: {reason}", exception);
    }

    /// <summary>A command-line mistake the parser could not see, e.g. <c>bad address 'localhost:x'</c>.</summary>
    public static CliException Usage(string message) => new(ExitCode.Usage, message);

    /// <summary>Maps any exception to its exit code and the whole line to print.</summary>
    public static CliFailure Describe(Exception exception)
    {
        var (code, reason) = Classify(Unwrap(exception));
        return new CliFailure(code, Prefix + EscapeControls(reason));
    }

    /// <summary>
    /// Keeps a failure on one line whatever the user typed: control characters in echoed values (a
    /// newline in an address, say) are shown as escapes (<c>\n</c>, <c>\r</c>, <c>\t</c>, <c>\xHH</c>).
    /// </summary>
    public static string EscapeControls(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Writes the failure for <paramref name="exception"/> on <paramref name="error"/> and returns the
    /// exit code: one line; a usage error adds <paramref name="helpHint"/>; with
    /// <paramref name="debug"/> the full exception (stack trace included) follows.
    /// </summary>
    public static int Report(Exception exception, TextWriter error, bool debug, string helpHint)
    {
        CliFailure failure = Describe(exception);
        if (failure.Code == ExitCode.Error && !debug)
        {
            error.WriteLine($"{failure.Message} (NETSCOPE_DEBUG=1 shows the stack trace)");
        }
        else
        {
            error.WriteLine(failure.Message);
        }

        if (failure.Code == ExitCode.Usage)
        {
            error.WriteLine(helpHint);
        }

        if (debug)
        {
            error.WriteLine(exception.ToString());
        }

        return (int)failure.Code;
    }

    /// <summary>
    /// Makes a library message fit the one-line format: whitespace runs (newlines too) become one
    /// space, a trailing period goes, and a leading capital is lowered unless it starts an acronym
    /// ("Could not find" becomes "could not find", "TLS" stays).
    /// </summary>
    public static string OneLine(string message)
    {
        string text = string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.EndsWith('.'))
        {
            text = text[..^1].TrimEnd();
        }

        if (text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }

        return text;
    }

    // Wrappers that only carry the real cause: an await of Task.WhenAll, a reflection call, or a
    // stream reporting the socket error underneath it. Typed exceptions that wrap a socket error
    // themselves (NetScope's own network errors) are left whole: their type says more.
    private static Exception Unwrap(Exception exception)
    {
        while (true)
        {
            switch (exception)
            {
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    break;
                case TargetInvocationException { InnerException: { } inner }:
                    exception = inner;
                    break;
                case CliException:
                    return exception;
                case IOException { InnerException: SocketException socketError }:
                    return socketError;
                default:
                    return exception;
            }
        }
    }

    private static (ExitCode Code, string Reason) Classify(Exception exception) => exception switch
    {
        CliException failure => (failure.Code, failure.Message),
        TlsFailureException tls => (TlsExitCode(tls.Failure.Kind), tls.Message),
        ConnectionRefusedException refused => (ExitCode.ConnectionRefused, refused.Message),
        HostNotFoundException missing => (ExitCode.HostNotFound, missing.Message),
        ConnectTimeoutException slow => (ExitCode.Timeout, slow.Message),
        NetworkUnreachableException unreachable => (ExitCode.NetworkUnreachable, unreachable.Message),
        ConnectionResetException reset => (ExitCode.PeerReset, reset.Message),
        // A reset under a pending expectation is a reset (7), told in the expectation's words.
        ExpectationFailedException { InnerException: ConnectionResetException } expectation => (ExitCode.PeerReset, expectation.Message),
        ExpectationFailedException expectation => (ExitCode.ExpectationNotMet, expectation.Message),
        SendFileException file => (ExitCode.FileError, $"--send-file {file.Path}: {FileErrorText.Reason(file.Path, file.InnerException ?? file)}"),
        HttpResponseException malformed => (ExitCode.HttpProtocolError, malformed.Message),
        TooManyRedirectsException redirects => (ExitCode.TooManyRedirects, redirects.Message),
        HttpTunnelException tunnel => (ExitCode.HttpStatus, tunnel.Message),
        HttpTimeoutException slow => (ExitCode.Timeout, slow.Message),
        CannotListenException listen => (ListenExitCode(listen), listen.Message),
        NetworkException network => (ExitCode.Error, network.Message),
        SocketException socket => Classify(socket),
        TimeoutException => (ExitCode.Timeout, "timed out"),
        OperationCanceledException => (ExitCode.Interrupted, "interrupted"),
        AuthenticationException tls => (ExitCode.TlsHandshakeFailed, $"TLS handshake failed: {OneLine(tls.Message)}"),
        FileNotFoundException { FileName: { } path } => (ExitCode.FileError, $"{path}: no such file"),
        FileNotFoundException => (ExitCode.FileError, "no such file"),
        DirectoryNotFoundException missing => (ExitCode.FileError, OneLine(missing.Message)),
        UnauthorizedAccessException denied => (ExitCode.FileError, OneLine(denied.Message)),
        IOException io => (ExitCode.FileError, OneLine(io.Message)),
        InvalidDataException invalid => (ExitCode.FileError, OneLine(invalid.Message)),
        CryptographicException crypto => (ExitCode.FileError, OneLine(crypto.Message)),
        _ => (ExitCode.Error, $"internal error: {exception.GetType().Name}: {OneLine(exception.Message)}"),
    };

    /// <summary>The exit code of each way TLS can fail; the kinds without a code of their own share 20.</summary>
    private static ExitCode TlsExitCode(TlsFailureKind kind) => kind switch
    {
        TlsFailureKind.UnknownIssuer => ExitCode.TlsUnknownIssuer,
        TlsFailureKind.NameMismatch => ExitCode.TlsNameMismatch,
        TlsFailureKind.CertificateExpired or TlsFailureKind.CertificateNotYetValid => ExitCode.TlsCertificateExpired,
        TlsFailureKind.HandshakeTimeout => ExitCode.TlsHandshakeTimeout,
        TlsFailureKind.ProtocolVersionMismatch or TlsFailureKind.NoSharedCipher => ExitCode.TlsNoSharedProtocol,
        TlsFailureKind.PlaintextPeer => ExitCode.TlsPeerNotTls,
        _ => ExitCode.TlsHandshakeFailed,
    };

    private static ExitCode ListenExitCode(CannotListenException listen) => listen.Error switch
    {
        SocketError.AddressAlreadyInUse => ExitCode.AddressInUse,
        SocketError.AccessDenied => ExitCode.PermissionDenied,
        _ => ExitCode.Usage,
    };

    // The reasons read like strerror(3), lower case, so a message looks the same whichever layer
    // noticed the failure.
    private static (ExitCode Code, string Reason) Classify(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => (ExitCode.ConnectionRefused, "connection refused"),
        SocketError.HostNotFound => (ExitCode.HostNotFound, "host not found"),
        SocketError.NoData => (ExitCode.HostNotFound, "host has no address"),
        SocketError.TryAgain => (ExitCode.HostNotFound, "temporary failure in name resolution"),
        SocketError.TimedOut => (ExitCode.Timeout, "connection timed out"),
        SocketError.ConnectionReset => (ExitCode.PeerReset, "connection reset by peer"),
        SocketError.NetworkUnreachable => (ExitCode.NetworkUnreachable, "network unreachable"),
        SocketError.HostUnreachable => (ExitCode.NetworkUnreachable, "no route to host"),
        SocketError.NetworkDown => (ExitCode.NetworkUnreachable, "network is down"),
        SocketError.AddressAlreadyInUse => (ExitCode.AddressInUse, "address already in use"),
        SocketError.AccessDenied => (ExitCode.PermissionDenied, "permission denied"),
        _ => (ExitCode.Error, OneLine(socket.Message)),
    };
}
