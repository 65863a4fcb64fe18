using NetScope.Sessions.Events;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Trace;

/// <summary>
/// Writes a workspace's event stream as JSON lines (see <see cref="TraceJsonWriter"/>) on a
/// background thread, so a slow disk or terminal never slows the reactor: the sink reads
/// through an <see cref="EventSubscription"/>, which merges counters and counts what it drops.
/// Dispose after the workspace (or instead of it) to write everything queued and flush.
/// </summary>
public sealed class TraceSink : IDisposable
{
    private readonly TextWriter _output;
    private readonly bool _ownsOutput;
    private readonly EventSubscription _subscription;
    private readonly Thread _thread;
    private Exception? _error;
    private bool _disposed;

    /// <summary>
    /// Starts writing <paramref name="workspace"/>'s events to <paramref name="output"/>, after a
    /// header line stamped with <paramref name="time"/>'s wall clock. Create it on the reactor
    /// thread right after the workspace, so no event is missed.
    /// </summary>
    public TraceSink(Workspace workspace, TextWriter output, TimeProvider time, bool ownsOutput = false, int capacity = 65536)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(time);
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _ownsOutput = ownsOutput;
        WriteLine(TraceJsonWriter.Header(workspace.Reactor.Name, time.GetUtcNow() - TimeSpan.FromSeconds(workspace.Now)));
        _subscription = workspace.Subscribe(capacity);
        _thread = new Thread(Pump) { IsBackground = true, Name = "netscope trace" };
        _thread.Start();
    }

    /// <summary>Events the sink could not keep up with (each gap is marked in the trace by an <c>events.dropped</c> line).</summary>
    public long DroppedCount => _subscription.DroppedCount;

    /// <summary>Stops following the stream, writes what is queued, flushes, and closes the output if the sink owns it.</summary>
    /// <exception cref="IOException">Writing the trace failed.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _subscription.Dispose();
        _thread.Join();
        try
        {
            _output.Flush();
        }
        finally
        {
            if (_ownsOutput)
            {
                _output.Dispose();
            }
        }

        if (_error is not null)
        {
            throw new IOException($"writing the trace failed: {_error.Message}", _error);
        }
    }

    private void Pump()
    {
        var batch = new List<WorkspaceEvent>(256);
        try
        {
            while (!_subscription.IsCompleted)
            {
                _subscription.WaitToReadAsync().GetAwaiter().GetResult();
                batch.Clear();
                _subscription.ReadAll(batch, 1024);
                foreach (var next in batch)
                {
                    WriteLine(TraceJsonWriter.Serialize(next));
                }

                _output.Flush();
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            // Reported by Dispose; the reactor must not notice.
            _error = exception;
        }
    }

    private void WriteLine(string line)
    {
        _output.Write(line);
        _output.Write('\n');
    }
}
