using System.Globalization;
using System.Net.Sockets;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// What <c>netscope tcp</c> sends from stdin or <c>--send-file</c> is read only as fast as the peer takes it:
/// the process's memory stays flat however much is piped in, and every byte still arrives, in order.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TcpBackpressureTests
{
    private const int TotalBytes = 64 << 20;

    // Far below the 64 MiB a reader that ignores the peer's pace would hold, far above a .NET heap's churn.
    private const long MaxGrowthBytes = 32 << 20;

    [Fact]
    public async Task StdinPipedToAPeerThatReadsSlowlyKeepsMemoryFlatAndArrivesWhole()
    {
        var slowPeer = new SlowPeer();
        await using var server = PeerServer.Start(slowPeer.ServeAsync);
        await using var netscope = ChildProcess.NetScope("tcp", $"127.0.0.1:{server.Port}", "--raw", "--half-close");
        slowPeer.Pid = netscope.Pid;

        await slowPeer.Accepted.Task.WaitAsync(LiveOutput.Bound);
        var baseline = Status(netscope.Pid, "VmRSS");
        var writing = Task.Run(async () =>
        {
            var chunk = new byte[1 << 20];
            for (var offset = 0; offset < TotalBytes; offset += chunk.Length)
            {
                Pattern(offset, chunk);
                await netscope.WriteStdinAsync(chunk);
            }

            netscope.CloseStdin();
        });

        await server.Served.WaitAsync(TimeSpan.FromSeconds(60));
        await writing.WaitAsync(LiveOutput.Bound);
        var peak = Status(netscope.Pid, "VmHWM");
        var exit = await netscope.ExitAsync();

        Assert.Equal((0, "", TotalBytes, -1L), (exit, netscope.Stderr.Text, slowPeer.Received, slowPeer.FirstWrongOffset));
        Assert.True(peak - baseline < MaxGrowthBytes, $"resident memory grew by {(peak - baseline) >> 20} MiB (from {baseline >> 20} MiB to a peak of {peak >> 20} MiB)");
    }

    [Fact]
    public async Task SendFileStreamsALargeFileWithoutReadingItIntoMemory()
    {
        var path = Path.Combine(Path.GetTempPath(), $"netscope-large-{Guid.NewGuid():N}.bin");
        await using (var file = File.Create(path))
        {
            var chunk = new byte[1 << 20];
            for (var offset = 0; offset < TotalBytes; offset += chunk.Length)
            {
                Pattern(offset, chunk);
                await file.WriteAsync(chunk);
            }
        }

        try
        {
            var slowPeer = new SlowPeer(waitForGo: true);
            await using var server = PeerServer.Start(slowPeer.ServeAsync);

            // A first --expect holds the file back until the baseline is taken.
            await using var netscope = ChildProcess.NetScope("tcp", $"127.0.0.1:{server.Port}", "--raw", "--expect", "go", "--send-file", path, "--half-close");
            slowPeer.Pid = netscope.Pid;
            await slowPeer.Accepted.Task.WaitAsync(LiveOutput.Bound);
            var baseline = Status(netscope.Pid, "VmRSS");
            slowPeer.Go.SetResult();

            await server.Served.WaitAsync(TimeSpan.FromSeconds(60));
            var peak = Status(netscope.Pid, "VmHWM");
            var exit = await netscope.ExitAsync();

            Assert.Equal((0, "", TotalBytes, -1L), (exit, netscope.Stderr.Text, slowPeer.Received, slowPeer.FirstWrongOffset));
            Assert.True(peak - baseline < MaxGrowthBytes, $"resident memory grew by {(peak - baseline) >> 20} MiB (from {baseline >> 20} MiB to a peak of {peak >> 20} MiB)");
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>The test data: byte i of the stream is a function of i, so any loss, repeat or reorder shows.</summary>
    private static void Pattern(long offset, byte[] chunk)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            chunk[i] = Expected(offset + i);
        }
    }

    private static byte Expected(long offset) => (byte)((offset * 31 + (offset >> 16)) & 0xff);

    /// <summary>A line of <c>/proc/PID/status</c> (VmRSS, VmHWM), in bytes.</summary>
    private static long Status(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                var kilobytes = line[(field.Length + 1)..].Trim().Split(' ')[0];
                return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException($"no {field} in /proc/{pid}/status");
    }

    /// <summary>
    /// A peer that reads in small pieces and looks at the client's memory between them, so it drains far more
    /// slowly than a pipe fills; it checks every byte against the pattern and closes at the client's FIN.
    /// </summary>
    private sealed class SlowPeer(bool waitForGo = false)
    {
        private readonly bool _waitForGo = waitForGo;

        public TaskCompletionSource Accepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Go { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Pid { get; set; }

        public long Received { get; private set; }

        public long FirstWrongOffset { get; private set; } = -1;

        public async Task ServeAsync(Peer peer)
        {
            Accepted.SetResult();
            if (_waitForGo)
            {
                await Go.Task.WaitAsync(LiveOutput.Bound);
                await peer.SendAsync("go\n");
            }

            var buffer = new byte[4096];
            int count;
            while (true)
            {
                count = await peer.Socket.ReceiveAsync(buffer, SocketFlags.None);
                if (count == 0)
                {
                    break;
                }

                for (var i = 0; i < count && FirstWrongOffset < 0; i++)
                {
                    if (buffer[i] != Expected(Received + i))
                    {
                        FirstWrongOffset = Received + i;
                    }
                }

                Received += count;

                // The slow part: the client could have read its whole input many times over meanwhile.
                _ = Status(Pid, "VmRSS");
            }
        }
    }
}
