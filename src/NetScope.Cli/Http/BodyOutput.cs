using NetScope.Cli.Streams;

namespace NetScope.Cli.Http;

/// <summary>Where the body (and, with -i, the heads) go: stdout, or the -o file. Writes go straight through, unbuffered.</summary>
internal sealed class BodyOutput : IDisposable
{
    private readonly ByteOutput? _stdout;
    private readonly FileStream? _file;

    private BodyOutput(ByteOutput? stdout, FileStream? file, string name)
    {
        _stdout = stdout;
        _file = file;
        Name = name;
    }

    /// <summary>"stdout" or the file's path, for messages.</summary>
    public string Name { get; }

    /// <summary>Whether the body goes to a file.</summary>
    public bool IsFile => _file is not null;

    /// <summary>Writes to stdout.</summary>
    public static BodyOutput ToStdout(ByteOutput stdout) => new(stdout, null, "stdout");

    /// <summary>Creates (or truncates) <paramref name="path"/>; fails with exit code 11 when it cannot.</summary>
    public static BodyOutput ToFile(string path)
    {
        try
        {
            // No buffer of our own: the body arrives in large reads and goes to the kernel as it is.
            return new BodyOutput(null, new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0), path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliErrors.Fail($"-o {path}", exception);
        }
    }

    /// <summary>Writes bytes exactly.</summary>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_file is not null)
        {
            _file.Write(data);
        }
        else
        {
            _stdout!.Write(data);
        }
    }

    /// <summary>Writes text as UTF-8.</summary>
    public void Write(string text) => Write(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Pushes out whatever is buffered.</summary>
    public void Flush()
    {
        _file?.Flush();
        _stdout?.Flush();
    }

    /// <inheritdoc/>
    public void Dispose() => _file?.Dispose();
}
