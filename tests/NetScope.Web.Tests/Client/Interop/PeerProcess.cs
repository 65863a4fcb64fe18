using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>A peer server run as a child process for the length of a test, ended by its PID.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;

    private PeerProcess(Process process)
    {
        _process = process;
    }

    /// <summary>The output line that contained the ready text (a peer bound to port 0 says its port there).</summary>
    public string ReadyLine { get; private set; } = "";

    /// <summary>
    /// <paramref name="count"/> different ports nothing listens on right now: all bound at once (so
    /// no two are the same), then released for a peer that cannot bind port 0 and say its port.
    /// Another process may take one in between, so the caller retries on a bind failure.
    /// </summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }

    /// <summary>Starts <paramref name="fileName"/> and waits until a line of its output contains <paramref name="readyText"/> (kept as <see cref="ReadyLine"/>).</summary>
    public static async Task<PeerProcess> StartAsync(string fileName, IEnumerable<string> arguments, string readyText, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        var peer = new PeerProcess(process);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnLine(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is { } text)
            {
                output.Enqueue(text);
                if (text.Contains(readyText, StringComparison.Ordinal))
                {
                    ready.TrySetResult(text);
                }
            }
        }

        process.OutputDataReceived += OnLine;
        process.ErrorDataReceived += OnLine;
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"{fileName} exited early:\n{string.Join('\n', output)}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            peer.ReadyLine = await ready.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch
        {
            peer.Dispose();
            throw;
        }

        return peer;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}
