namespace NetScope.Cli;

/// <summary>
/// A failure a verb expects and can name: it ends the command with <see cref="Code"/> and prints
/// <c>netscope: </c> followed by <see cref="Exception.Message"/> on one line, without a stack trace.
/// </summary>
/// <remarks>
/// Verbs throw it through <see cref="CliErrors.Fail"/> (which adds what was being done to the mapped
/// reason) or <see cref="CliErrors.Usage"/>; they do not build the message format themselves.
/// </remarks>
internal sealed class CliException : Exception
{
    /// <summary>Creates a failure that exits with <paramref name="code"/>.</summary>
    /// <param name="code">The exit code the process ends with.</param>
    /// <param name="message">One line without the <c>netscope: </c> prefix, e.g. <c>connect 127.0.0.1:9: connection refused</c>.</param>
    /// <param name="innerException">The exception this failure was mapped from, kept for <c>NETSCOPE_DEBUG=1</c>.</param>
    public CliException(ExitCode code, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
    }

    /// <summary>The exit code the process ends with.</summary>
    public ExitCode Code { get; }
}
