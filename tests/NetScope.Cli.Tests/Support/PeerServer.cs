using System.Net;
using System.Net.Sockets;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// A loopback server written with plain BCL sockets for <c>netscope tcp</c> to talk to: it
/// accepts connections and runs <c>serve</c> on each. <see cref="Served"/> completes when the
/// first connection's conversation is over and carries its failure, so a test sees what the
/// server saw went wrong.
/// </summary>
internal sealed class PeerServer : IAsyncDisposable
{
    private readonly Socket _listener;
    private readonly Func<Peer, Task> _serve;
    private readonly TaskCompletionSource _firstServed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Peer> _peers = [];
    private readonly Task _accepting;

    private PeerServer(Func<Peer, Task> serve, IPAddress address)
    {
        _serve = serve;
        _listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(address, 0));
        _listener.Listen(16);
        _accepting = AcceptAsync();
    }

    public int Port => EndPoint.Port;

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndPoint!;

    /// <summary>The first connection's conversation: completes when <c>serve</c> returns, fails if it throws.</summary>
    public Task Served => _firstServed.Task;

    public static PeerServer Start(Func<Peer, Task> serve, IPAddress? address = null) => new(serve, address ?? IPAddress.Loopback);

    /// <summary>A server that sends back every chunk as it arrives, until the client finishes.</summary>
    public static PeerServer Echo() => Start(async peer =>
    {
        var buffer = new byte[64 * 1024];
        int count;
        while ((count = await peer.Socket.ReceiveAsync(buffer)) > 0)
        {
            await peer.SendAsync(buffer[..count]);
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Dispose();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        lock (_peers)
        {
            // Ends conversations still running (a server that waits for a client that gave up).
            _peers.ForEach(peer => peer.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        var first = true;
        while (!_stop.IsCancellationRequested)
        {
            Socket accepted;
            try
            {
                accepted = await _listener.AcceptAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                _firstServed.TrySetException(new InvalidOperationException("the server stopped before a connection was served"));
                return;
            }

            _ = ServeAsync(accepted, first ? _firstServed : null);
            first = false;
        }
    }

    private async Task ServeAsync(Socket accepted, TaskCompletionSource? served)
    {
        using var peer = new Peer(accepted);
        lock (_peers)
        {
            _peers.Add(peer);
        }

        try
        {
            await _serve(peer);
            served?.TrySetResult();
        }
        catch (Exception exception)
        {
            served?.TrySetException(exception);
        }
    }
}
