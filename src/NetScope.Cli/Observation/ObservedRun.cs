using System.Text;
using NetScope.Cli.Hosting;
using NetScope.Core.Defer;
using NetScope.Sessions.Trace;
using NetScope.Sessions.Workspaces;

namespace NetScope.Cli.Observation;

/// <summary>
/// Runs a verb's sessions in a <see cref="Workspace"/> on the reactor (see <see cref="CliReactor"/>),
/// with the trace the user asked for written as it happens and the chain trees and timings
/// printed on stderr once the reactor has stopped, whatever the outcome.
/// </summary>
internal static class ObservedRun
{
    /// <summary>The transcript data the workspace keeps per session in a command-line run: none, only counts.</summary>
    internal const int CliTranscriptCapacityBytes = 0;

    /// <summary>
    /// Runs <paramref name="main"/> (given the workspace and the writer for diagnostics, which is
    /// synchronized when the trace also goes to stderr) and returns the exit code;
    /// <paramref name="cancellationToken"/> stops it as Ctrl-C does.
    /// </summary>
    public static int Run(ObservationSettings settings, TextWriter error, Func<Workspace, TextWriter, Deferred> main, bool interruptIsSuccess, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(main);
        var toStderr = settings.TracePath == "-";
        var diagnostics = toStderr ? TextWriter.Synchronized(error) : error;
        var traceOutput = settings.TracePath is null ? null : toStderr ? diagnostics : OpenTrace(settings.TracePath);
        Workspace? workspace = null;
        TraceSink? sink = null;
        try
        {
            return CliReactor.Run(
                reactor =>
                {
                    workspace = new Workspace(reactor, new WorkspaceOptions
                    {
                        ObserveDeferreds = settings.ObserveDeferreds,
                        CaptureCreationSites = settings.ObserveDeferreds,
                        // Nothing reads a transcript's entries in a command-line run (the output streams the
                        // data directly): counting them keeps a listener's memory flat and costs the
                        // least per chunk (the trace still gets every transcript.appended count).
                        TranscriptCapacityBytes = CliTranscriptCapacityBytes,
                    });
                    if (traceOutput is not null)
                    {
                        sink = new TraceSink(workspace, traceOutput, TimeProvider.System, ownsOutput: !toStderr);
                    }

                    return main(workspace, diagnostics);
                },
                interruptIsSuccess,
                cancellationToken);
        }
        finally
        {
            Finish(settings, workspace, sink, traceOutput, toStderr, diagnostics);
        }
    }

    private static void Finish(ObservationSettings settings, Workspace? workspace, TraceSink? sink, TextWriter? traceOutput, bool toStderr, TextWriter diagnostics)
    {
        if (workspace is not null)
        {
            // The reactor has stopped on this thread, which owns the workspace again. A last sample
            // puts the final counters (and, for a short run, a first loop-health sample) in the trace.
            workspace.SampleNow();
            SessionReport.Write(workspace, settings, diagnostics);
            workspace.Dispose();
        }

        if (sink is not null)
        {
            try
            {
                sink.Dispose();
            }
            catch (IOException exception)
            {
                diagnostics.WriteLine($"{CliErrors.Prefix}--trace {settings.TracePath}: {CliErrors.OneLine(exception.Message)}");
            }
        }
        else if (!toStderr)
        {
            traceOutput?.Dispose();
        }
    }

    private static StreamWriter OpenTrace(string path)
    {
        try
        {
            return new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw CliErrors.Fail($"--trace {path}", exception);
        }
    }
}
