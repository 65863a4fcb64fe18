using NetScope.Cli.Hosting;
using NetScope.Core.Defer;
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
    /// <paramref name="cancellationToken"/> stops it as Ctrl-C does. A trace that could not be
    /// written to the end turns a successful run into a file error (exit 11).
    /// </summary>
    public static int Run(ObservationSettings settings, TextWriter error, Func<Workspace, TextWriter, Deferred> main, bool interruptIsSuccess, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(main);
        var toStderr = settings.TracePath == "-";
        var diagnostics = toStderr ? TextWriter.Synchronized(error) : error;
        var trace = settings.TracePath is null ? null : TraceFile.Open(settings.TracePath, diagnostics);
        Workspace? workspace = null;
        int code;
        try
        {
            code = CliReactor.Run(
                reactor =>
                {
                    workspace = new Workspace(reactor, new WorkspaceOptions
                    {
                        // Always: a run must be able to report, at exit, a failure that nothing handled.
                        ObserveDeferreds = true,
                        CaptureCreationSites = settings.ObserveDeferreds,
                        // Nothing reads a transcript's entries in a command-line run (the output streams the
                        // data directly): counting them keeps a listener's memory flat and costs the
                        // least per chunk (the trace still gets every transcript.appended count).
                        TranscriptCapacityBytes = CliTranscriptCapacityBytes,
                    });
                    trace?.Attach(workspace);
                    return main(workspace, diagnostics);
                },
                interruptIsSuccess,
                cancellationToken);
        }
        catch
        {
            Finish(settings, workspace, trace, diagnostics);
            throw;
        }

        var traceFailed = Finish(settings, workspace, trace, diagnostics);
        return traceFailed && code == (int)ExitCode.Success ? (int)ExitCode.FileError : code;
    }

    /// <summary>Reports what the run left behind; returns whether the trace failed.</summary>
    private static bool Finish(ObservationSettings settings, Workspace? workspace, TraceFile? trace, TextWriter diagnostics)
    {
        if (workspace is not null)
        {
            // The reactor has stopped on this thread, which owns the workspace again. A last sample
            // puts the final counters (and, for a short run, a first loop-health sample) in the trace.
            workspace.SampleNow();
            SessionReport.Write(workspace, settings, diagnostics);
            SessionReport.WriteUnhandled(workspace, diagnostics);
            workspace.Dispose();
        }

        if (trace?.Finish() is { } failure)
        {
            diagnostics.WriteLine(failure);
            return true;
        }

        return false;
    }
}
