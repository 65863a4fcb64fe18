using System.Net;
using System.Net.Sockets;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// Joins an engine to a plain connected <see cref="Socket"/> (no reactor yet): a reader thread posts every
/// received chunk, and the end of the stream, to the loop; ciphertext is sent from the loop thread.
/// </summary>
internal sealed class SocketPump : IDisposable
{
    private readonly Socket _socket;
    private readonly TestLoop _loop;
    private readonly Thread _reader;
    private TlsEngine? _engine;

    private SocketPump(Socket socket, TestLoop loop, RecordingHost host)
    {
        _socket = socket;
        _loop = loop;
        Host = host;
        host.Send = Send;
        _reader = new Thread(ReadUntilClosed) { IsBackground = true, Name = "tls-test-socket-reader" };
    }

    public RecordingHost Host { get; }

    /// <summary>Completes once the engine has been told that the connection ended.</summary>
    public TaskCompletionSource TransportEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TlsEngine Engine => _engine!;

    /// <summary>Connects to 127.0.0.1:<paramref name="port"/> and starts a client engine over the socket.</summary>
    public static async Task<SocketPump> ConnectClientAsync(TestLoop loop, int port, TlsClientOptions options, TimeProvider? time = null)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port)).WaitAsync(TestTimeouts.Operation);
        var pump = new SocketPump(socket, loop, new RecordingHost(loop));
        await loop.InvokeAsync(() =>
        {
            pump._engine = TlsEngine.CreateClient(pump.Host, options, time);
            pump._engine.Start();
        });
        pump._reader.Start();
        return pump;
    }

    /// <summary>
    /// Starts a server engine over an accepted socket. <paramref name="configure"/> runs on the loop before the
    /// engine starts, so behaviour set there (an echo, a reply) is in place before the first byte arrives.
    /// </summary>
    public static async Task<SocketPump> AcceptServerAsync(TestLoop loop, Socket accepted, TlsServerOptions options, Action<SocketPump>? configure = null)
    {
        accepted.NoDelay = true;
        var pump = new SocketPump(accepted, loop, new RecordingHost(loop));
        await loop.InvokeAsync(() =>
        {
            pump._engine = TlsEngine.CreateServer(pump.Host, options);
            configure?.Invoke(pump);
            pump._engine.Start();
        });
        pump._reader.Start();
        return pump;
    }

    /// <summary>Closes our side of the TCP connection (after the engine's last bytes went out).</summary>
    public void CloseSocket() => _socket.Shutdown(SocketShutdown.Send);

    public void Dispose()
    {
        // The thread rule, checked for every connection a test makes: all callbacks on the loop thread.
        Assert.All(Host.CallbackThreads, threadId => Assert.Equal(_loop.ThreadId, threadId));
        _loop.InvokeAsync(() => _engine?.Dispose()).Wait(TestTimeouts.Operation);
        _socket.Dispose();
        _reader.Join(TestTimeouts.Operation);
    }

    private void Send(byte[] ciphertext)
    {
        try
        {
            _socket.Send(ciphertext);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // The reader thread reports the end of the connection.
        }
    }

    private void ReadUntilClosed()
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int n;
            try
            {
                n = _socket.Receive(buffer);
            }
            catch (SocketException e)
            {
                _loop.Post(() =>
                {
                    Engine.TransportClosed(e);
                    TransportEnded.TrySetResult();
                });
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            if (n == 0)
            {
                _loop.Post(() =>
                {
                    Engine.TransportClosed();
                    TransportEnded.TrySetResult();
                });
                return;
            }

            var chunk = buffer.AsSpan(0, n).ToArray();
            _loop.Post(() => Engine.ReceiveCiphertext(chunk));
        }
    }
}
