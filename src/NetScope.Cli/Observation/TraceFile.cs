using System.Text;
using System.Text.RegularExpressions;
using NetScope.Sessions.Trace;
using NetScope.Sessions.Workspaces;

namespace NetScope.Cli.Observation;

/// <summary>
/// The <c>--trace</c> output of a run: the file (or stderr) opened before anything runs, the
/// <see cref="TraceSink"/> attached to the workspace, and, at the end, whether every line made it.
/// </summary>
internal sealed partial class TraceFile : IDisposable
{
    private readonly string _path;
    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private TraceSink? _sink;
    private bool _finished;
    private string? _failure;

    private TraceFile(string path, TextWriter output, bool ownsOutput)
    {
        _path = path;
        _output = output;
        _ownsOutput = ownsOutput;
    }

    /// <summary>Opens <paramref name="path"/> for writing ("-": <paramref name="stderr"/>); a file that cannot be created is a file error (exit 11).</summary>
    public static TraceFile Open(string path, TextWriter stderr)
    {
        if (path == "-")
        {
            return new TraceFile(path, stderr, ownsOutput: false);
        }

        try
        {
            return new TraceFile(path, new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" }, ownsOutput: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliErrors.Fail($"--trace {path}", exception);
        }
    }

    /// <summary>Starts writing <paramref name="workspace"/>'s events; call on the reactor thread right after creating it.</summary>
    public TraceFile Attach(Workspace workspace)
    {
        _sink = new TraceSink(workspace, _output, TimeProvider.System, ownsOutput: _ownsOutput);
        return this;
    }

    /// <summary>
    /// Writes what is queued, flushes and closes; returns the one-line error (<c>netscope: --trace FILE: reason</c>)
    /// if writing failed at any point, or <see langword="null"/>.
    /// </summary>
    public string? Finish()
    {
        Dispose();
        return _failure;
    }

    /// <summary>Finishes (see <see cref="Finish"/>) without throwing; the failure, if any, is kept for <see cref="Finish"/>.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _failure = Close();
        }
    }

    private string? Close()
    {
        try
        {
            if (_sink is not null)
            {
                _sink.Dispose();
            }
            else if (_ownsOutput)
            {
                _output.Dispose();
            }

            return null;
        }
        catch (IOException exception)
        {
            return $"{CliErrors.Prefix}--trace {_path}: {Reason(exception)}";
        }
    }

    /// <summary>The system's reason alone: "no space left on device", without .NET's " : '/dev/full'" or the sink's wrapping.</summary>
    internal static string Reason(IOException exception)
    {
        Exception innermost = exception;
        while (innermost.InnerException is IOException inner)
        {
            innermost = inner;
        }

        return CliErrors.OneLine(PathSuffix().Replace(innermost.Message, string.Empty));
    }

    [GeneratedRegex(@"\s*:\s*'[^']*'\s*$")]
    private static partial Regex PathSuffix();
}
