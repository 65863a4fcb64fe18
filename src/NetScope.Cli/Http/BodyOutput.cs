using Microsoft.Win32.SafeHandles;
using NetScope.Cli.Streams;

namespace NetScope.Cli.Http;

/// <summary>Where the body (and, with -i, the heads) go: stdout, or the -o file. Writes go straight through, unbuffered.</summary>
/// <remarks>
/// Every failure is a <see cref="CliException"/> with exit code 11 and a strerror-style reason
/// (<c>-o /tmp: is a directory</c>, <c>write stdout: broken pipe</c>), not .NET's wording.
/// </remarks>
internal sealed class BodyOutput : IDisposable
{
    private const int StdoutDescriptor = 1;

    private readonly ByteOutput? _stdout;
    private readonly FileStream? _stream;

    private BodyOutput(ByteOutput? stdout, FileStream? stream, string name, bool isFile)
    {
        _stdout = stdout;
        _stream = stream;
        Name = name;
        IsFile = isFile;
    }

    /// <summary>"stdout" or the file's path, for messages.</summary>
    public string Name { get; }

    /// <summary>Whether the body goes to a file.</summary>
    public bool IsFile { get; }

    /// <summary>Writes to stdout.</summary>
    /// <param name="stdout">The verb's stdout.</param>
    /// <param name="processStdout">Whether that is the process's own stdout (not a writer a test captures).</param>
    /// <remarks>
    /// When the process's stdout is a pipe, the body goes to descriptor 1 through a stream of our own: the
    /// console stream ignores EPIPE, so <c>netscope http URL | head -c 10</c> would read the whole body into a
    /// closed pipe and exit 0. A seekable stdout (a file) keeps the console stream, whose writes share the file
    /// offset with the other output.
    /// </remarks>
    public static BodyOutput ToStdout(ByteOutput stdout, bool processStdout)
    {
        FileStream? pipe = null;
        if (processStdout)
        {
            try
            {
                var stream = new FileStream(new SafeFileHandle(StdoutDescriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
                if (stream.CanSeek)
                {
                    stream.Dispose();
                }
                else
                {
                    pipe = stream;
                }
            }
            catch (Exception exception) when (exception is IOException or ArgumentException or UnauthorizedAccessException)
            {
                // Not a descriptor FileStream takes (closed, or of a kind it refuses): the console stream will do.
            }
        }

        return new BodyOutput(stdout, pipe, "stdout", isFile: false);
    }

    /// <summary>Creates (or truncates) <paramref name="path"/>; fails with exit code 11 when it cannot.</summary>
    public static BodyOutput ToFile(string path)
    {
        try
        {
            // No buffer of our own: the body arrives in large reads and goes to the kernel as it is.
            return new BodyOutput(null, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), path, isFile: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw FileErrorText.Fail("-o", path, exception);
        }
    }

    /// <summary>Writes bytes exactly.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        try
        {
            if (_stream is not null)
            {
                _stream.Write(data);
            }
            else
            {
                _stdout!.Write(data);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCode.FileError, $"write {Name}: {FileErrorText.Reason(IsFile ? Name : "", exception)}", exception);
        }
    }

    /// <summary>Writes text as UTF-8.</summary>
    public void Write(string text) => Write(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Pushes out whatever is buffered.</summary>
    public void Flush()
    {
        try
        {
            _stream?.Flush();
            _stdout?.Flush();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCode.FileError, $"write {Name}: {FileErrorText.Reason(IsFile ? Name : "", exception)}", exception);
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _stream?.Dispose();
}
