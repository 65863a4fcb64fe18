using System.Diagnostics;
using System.Text;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// A real peer (openssl, curl) as a child process with its output collected line by line. Disposal kills
/// it by its own PID if it is still running.
/// </summary>
internal sealed class PeerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _standardOutput = new();
    private readonly StringBuilder _standardError = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PeerProcess(Process process) => _process = process;

    /// <summary>Everything the process wrote so far, stdout and stderr interleaved by arrival.</summary>
    public string Output => Snapshot(_output);

    /// <summary>
    /// Everything the process wrote to stdout so far. Multi-line assertions use one stream: the two pipes are
    /// read on separate threads, so <see cref="Output"/> may put a stdout line between two stderr lines.
    /// </summary>
    public string StandardOutput => Snapshot(_standardOutput);

    /// <summary>Everything the process wrote to stderr so far.</summary>
    public string StandardError => Snapshot(_standardError);

    /// <summary>A copy of one of the output buffers, taken under the lock the reader threads append under.</summary>
    private string Snapshot(StringBuilder buffer)
    {
        lock (_output)
        {
            return buffer.ToString();
        }
    }

    public StreamWriter Input => _process.StandardInput;

    public static PeerProcess Start(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // A key log is opted into per process; a peer must not inherit ours by accident.
        info.Environment.Remove("SSLKEYLOGFILE");
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var peer = new PeerProcess(process);
        process.OutputDataReceived += (_, e) => peer.Line(e.Data, peer._standardOutput, peer._stdoutClosed);
        process.ErrorDataReceived += (_, e) => peer.Line(e.Data, peer._standardError, peer._stderrClosed);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return peer;
    }

    /// <summary>Waits for a line that satisfies <paramref name="match"/> (including lines already seen).</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var seen = _output.ToString().Split('\n').FirstOrDefault(match);
            if (seen is not null)
            {
                found.SetResult(seen);
            }
            else
            {
                _waiters.Add((match, found));
            }
        }

        return WaitOrExplainAsync(found.Task);
    }

    private async Task<string> WaitOrExplainAsync(Task<string> found)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(found, exited).WaitAsync(TestTimeouts.Operation);
        if (first == found)
        {
            return await found;
        }

        await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TestTimeouts.Operation);
        return found.IsCompleted
            ? await found
            : throw new InvalidOperationException($"{_process.StartInfo.FileName} exited with {_process.ExitCode} before printing the expected line:\n{Output}");
    }

    /// <summary>Waits for the process to exit and for all of its output to be read; returns the exit code.</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Operation);
        await Task.WhenAll(_stdoutClosed.Task, _stderrClosed.Task).WaitAsync(TestTimeouts.Operation);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync().WaitAsync(TestTimeouts.Operation);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Line(string? line, StringBuilder stream, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (_output)
        {
            _output.Append(line).Append('\n');
            stream.Append(line).Append('\n');
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(line))
                {
                    _waiters[i].Found.TrySetResult(line);
                    _waiters.RemoveAt(i);
                }
            }
        }
    }
}
