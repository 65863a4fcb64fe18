using System.Runtime.InteropServices;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Tcp;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM end a <c>netscope tcp</c> or <c>tls</c> client with exit code 130 whatever
/// it was doing: talking interactively, waiting for an expectation, or still in its TLS handshake.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class TcpSignalTests
{
    [Theory]
    [InlineData(PosixSignal.SIGINT, false)]
    [InlineData(PosixSignal.SIGTERM, false)]
    [InlineData(PosixSignal.SIGINT, true)]
    [InlineData(PosixSignal.SIGTERM, true)]
    public async Task ASignalDuringASessionExits130EvenWithAnExpectationPending(PosixSignal signal, bool expectPending)
    {
        await using var server = PeerServer.Start(async peer =>
        {
            await peer.SendAsync("hello\r\n");
            await peer.ReadToEndAsync();
        });
        string[] expect = expectPending ? ["--expect", "never", "--timeout", "60"] : [];
        await using var netscope = ChildProcess.NetScopeWithDefaultSignals(["tcp", $"127.0.0.1:{server.Port}", .. expect]);
        await netscope.Stdout.LineAsync(line => line == "hello", "the greeting");

        netscope.Signal(signal);

        Assert.Equal((130, "hello\n", ""), (await netscope.ExitAsync(), netscope.Stdout.Text, netscope.Stderr.Text));
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public async Task ASignalDuringATlsHandshakeExits130(PosixSignal signal)
    {
        var accepted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = PeerServer.Start(async peer =>
        {
            // A peer that takes the connection and never answers the ClientHello.
            accepted.SetResult();
            await peer.ReadToEndAsync();
        });
        await using var netscope = ChildProcess.NetScopeWithDefaultSignals("tls", $"127.0.0.1:{server.Port}", "--timeout", "60");
        await accepted.Task.WaitAsync(LiveOutput.Bound);

        netscope.Signal(signal);

        Assert.Equal((130, "", ""), (await netscope.ExitAsync(), netscope.Stdout.Text, netscope.Stderr.Text));
    }
}
