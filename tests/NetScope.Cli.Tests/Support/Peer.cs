using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// One end of a loopback TCP connection driven by a test (plain BCL sockets, so the peer is not
/// NetScope's own code): buffered reads of lines, counts or everything up to the peer's FIN.
/// Every read is bounded by <see cref="LiveOutput.Bound"/>.
/// </summary>
internal sealed class Peer : IDisposable
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public Peer(Socket socket)
    {
        Socket = socket;
    }

    public Socket Socket { get; }

    public IPEndPoint LocalEndPoint => (IPEndPoint)Socket.LocalEndPoint!;

    public static async Task<Peer> ConnectAsync(IPEndPoint endPoint)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var bound = new CancellationTokenSource(LiveOutput.Bound);
            await socket.ConnectAsync(endPoint, bound.Token);
            return new Peer(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public static Task<Peer> ConnectAsync(int port) => ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));

    public Task SendAsync(string text) => SendAsync(Encoding.Latin1.GetBytes(text));

    public async Task SendAsync(byte[] data)
    {
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        for (var sent = 0; sent < data.Length;)
        {
            sent += await Socket.SendAsync(data.AsMemory(sent), SocketFlags.None, bound.Token);
        }
    }

    /// <summary>Sends FIN: this side has finished sending, and keeps reading.</summary>
    public void FinishSending() => Socket.Shutdown(SocketShutdown.Send);

    /// <summary>Closes with a reset (SO_LINGER 0): the other side's next read fails with ECONNRESET.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    /// <summary>Reads up to and including the next LF (bytes as Latin-1).</summary>
    public async Task<string> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new EndOfStreamException($"the connection ended inside a line: \"{Encoding.Latin1.GetString([.. line])}\"");
            }

            var b = _buffer[_start++];
            line.Add(b);
            if (b == (byte)'\n')
            {
                return Encoding.Latin1.GetString([.. line]);
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> bytes.</summary>
    public async Task<byte[]> ReadExactlyAsync(int count)
    {
        var result = new byte[count];
        for (var filled = 0; filled < count;)
        {
            if (_start == _end && !await FillAsync())
            {
                throw new EndOfStreamException($"the connection ended after {filled} of {count} bytes");
            }

            var take = Math.Min(count - filled, _end - _start);
            _buffer.AsSpan(_start, take).CopyTo(result.AsSpan(filled));
            _start += take;
            filled += take;
        }

        return result;
    }

    /// <summary>Reads until the other side's FIN and returns everything read.</summary>
    public async Task<byte[]> ReadToEndAsync()
    {
        var all = new List<byte>();
        do
        {
            all.AddRange(_buffer.AsSpan(_start, _end - _start));
            _start = _end;
        }
        while (await FillAsync());
        return [.. all];
    }

    /// <summary>Reads until the other side's FIN, as Latin-1 text.</summary>
    public async Task<string> ReadTextToEndAsync() => Encoding.Latin1.GetString(await ReadToEndAsync());

    public void Dispose() => Socket.Dispose();

    private async Task<bool> FillAsync()
    {
        using var bound = new CancellationTokenSource(LiveOutput.Bound);
        var count = await Socket.ReceiveAsync(_buffer, SocketFlags.None, bound.Token);
        _start = 0;
        _end = count;
        return count > 0;
    }
}
