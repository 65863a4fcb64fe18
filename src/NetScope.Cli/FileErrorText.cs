using System.Runtime.InteropServices;
using System.Security;

namespace NetScope.Cli;

/// <summary>
/// Says why a file could not be opened, read or written the way <c>strerror(3)</c> does
/// (<c>permission denied</c>, <c>is a directory</c>, <c>no such file or directory</c>), instead of
/// .NET's sentences ("Access to the path '/x' is denied."), and builds the failure line for an option
/// that names a file: <c>netscope: --send-file /x: permission denied</c> (exit code 11).
/// </summary>
internal static class FileErrorText
{
    /// <summary>Whether <paramref name="exception"/> is a failure to open, read or write a file.</summary>
    public static bool IsFileError(Exception exception) =>
        exception is IOException or UnauthorizedAccessException or SecurityException or NotSupportedException;

    /// <summary>The reason <paramref name="path"/> failed with <paramref name="exception"/>, in strerror's words, lower case.</summary>
    public static string Reason(string path, Exception exception) => exception switch
    {
        // .NET reports opening a directory as a file with the same exception as EACCES.
        UnauthorizedAccessException when Directory.Exists(path) => "is a directory",
        UnauthorizedAccessException or SecurityException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "no such file or directory",
        PathTooLongException => "file name too long",
        IOException { HResult: > 0 and < 4096 } io => CliErrors.OneLine(Marshal.GetPInvokeErrorMessage(io.HResult)).ToLowerInvariant(),
        _ => CliErrors.OneLine(exception.Message),
    };

    /// <summary>
    /// The failure for <paramref name="option"/> <paramref name="path"/>: exit code 11 and the line
    /// <c>OPTION PATH: REASON</c> (a control character in the path is shown escaped by <see cref="CliErrors"/>).
    /// </summary>
    public static CliException Fail(string option, string path, Exception exception) =>
        new(ExitCode.FileError, $"{option} {path}: {Reason(path, exception)}", exception);
}
