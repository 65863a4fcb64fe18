using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace NetScope.Cli.Tests.Http;

/// <summary>A request as <see cref="ScriptedHttpServer"/> received it.</summary>
internal sealed record ReceivedRequest(string Method, string Target, string Version, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    /// <summary>The first value of the field named <paramref name="name"/>, or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    public string BodyText => Encoding.UTF8.GetString(Body);
}

/// <summary>What <see cref="ScriptedHttpServer"/> does with a request.</summary>
internal abstract record Reply
{
    /// <summary>Sends <paramref name="Bytes"/>; the connection stays open for the next request unless <paramref name="Close"/>.</summary>
    public sealed record Raw(byte[] Bytes, bool Close = false) : Reply;

    /// <summary>Resets the connection without answering.</summary>
    public sealed record Reset : Reply;

    /// <summary>Closes the connection without answering.</summary>
    public sealed record Hangup : Reply;

    /// <summary>Never answers (the connection stays open until the server is disposed).</summary>
    public sealed record Silence : Reply;

    /// <summary>Answers a CONNECT with 200, then relays bytes both ways to 127.0.0.1:<paramref name="Port"/> (a proxy's tunnel).</summary>
    public sealed record Tunnel(int Port) : Reply;

    public static Raw Text(int status, string body, params (string Name, string Value)[] headers) => Binary(status, Encoding.UTF8.GetBytes(body), headers);

    public static Raw Binary(int status, byte[] body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        head.Append("Content-Length: ").Append(body.Length).Append("\r\n\r\n");
        return new Raw([.. Encoding.Latin1.GetBytes(head.ToString()), .. body]);
    }

    public static Raw Redirect(int status, string location) => Text(status, "moved", ("Location", location));

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        301 => "Moved Permanently",
        302 => "Found",
        307 => "Temporary Redirect",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    };
}

/// <summary>
/// An HTTP/1.1 server on loopback made of plain sockets, for running <c>netscope http</c> against a peer whose every
/// answer the test chooses, broken ones included. Requests on one connection are answered in turn (keep-alive).
/// </summary>
internal sealed class ScriptedHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<ReceivedRequest, Reply> _handler;
    private int _connections;
    private int _handshakes;

    private readonly X509Certificate2? _certificate;

    /// <summary>Starts the server; with <paramref name="certificate"/> it speaks TLS (https).</summary>
    public ScriptedHttpServer(Func<ReceivedRequest, Reply> handler, X509Certificate2? certificate = null)
    {
        _handler = handler;
        _certificate = certificate;
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>How many TLS handshakes completed.</summary>
    public int Handshakes => Volatile.Read(ref _handshakes);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How many connections were accepted.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public string Url(string path = "/") => $"{(_certificate is null ? "http" : "https")}://127.0.0.1:{Port}{path}";

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _connections);
                _ = ServeAsync(client);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            Stream stream = client.GetStream();
            try
            {
                if (_certificate is not null)
                {
                    var tls = new SslStream(stream);
                    await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
                    Interlocked.Increment(ref _handshakes);
                    stream = tls;
                }

                var reader = new RequestReader(stream);
                while (await reader.ReadAsync(_stop.Token) is { } request)
                {
                    Requests.Enqueue(request);
                    switch (_handler(request))
                    {
                        case Reply.Raw raw:
                            await stream.WriteAsync(raw.Bytes, _stop.Token);
                            if (raw.Close)
                            {
                                return;
                            }

                            break;
                        case Reply.Reset:
                            // Closing the socket itself: disposing the TcpClient would shut it down (FIN) first.
                            client.Client.LingerState = new LingerOption(true, 0);
                            client.Client.Close();
                            return;
                        case Reply.Hangup:
                            return;
                        case Reply.Tunnel tunnel:
                            await RelayAsync(stream, tunnel.Port, reader);
                            return;
                        case Reply.Silence:
                            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                            using (_stop.Token.Register(() => stopped.TrySetResult()))
                            {
                                await stopped.Task;
                            }

                            return;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException or System.Security.Authentication.AuthenticationException)
            {
                // The client went away (or refused our certificate) or the server stopped.
            }
        }
    }

    /// <summary>Answers 200 to CONNECT and copies bytes both ways until either side closes.</summary>
    private async Task RelayAsync(Stream client, int port, RequestReader reader)
    {
        await client.WriteAsync("HTTP/1.1 200 Connection established\r\n\r\n"u8.ToArray(), _stop.Token);
        using var target = new TcpClient();
        await target.ConnectAsync(IPAddress.Loopback, port, _stop.Token);
        var upstream = target.GetStream();
        var leftover = reader.TakeBuffered();
        if (leftover.Length > 0)
        {
            await upstream.WriteAsync(leftover, _stop.Token);
        }

        var up = client.CopyToAsync(upstream, _stop.Token);
        var down = upstream.CopyToAsync(client, _stop.Token);
        await Task.WhenAny(up, down);
    }

    /// <summary>Reads requests (head, then a Content-Length or chunked body) from a stream.</summary>
    private sealed class RequestReader(Stream stream)
    {
        private readonly byte[] _buffer = new byte[64 * 1024];
        private int _start;
        private int _end;

        /// <summary>Bytes read past the last request (the start of a tunnel's traffic).</summary>
        public byte[] TakeBuffered()
        {
            var bytes = _buffer.AsSpan(_start, _end - _start).ToArray();
            _start = _end;
            return bytes;
        }

        public async Task<ReceivedRequest?> ReadAsync(CancellationToken token)
        {
            var headEnd = -1;
            while ((headEnd = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n\r\n"u8)) < 0)
            {
                if (!await FillAsync(token))
                {
                    return null;
                }
            }

            var head = Encoding.Latin1.GetString(_buffer, _start, headEnd).Split("\r\n");
            _start += headEnd + 4;
            var parts = head[0].Split(' ');
            var headers = head.Skip(1).Select(line => (Name: line[..line.IndexOf(':')], Value: line[(line.IndexOf(':') + 1)..].Trim())).ToList();
            var length = headers.FirstOrDefault(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
            var chunked = headers.Any(h => h.Name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Value.Contains("chunked", StringComparison.OrdinalIgnoreCase));
            var body = new MemoryStream();
            if (chunked)
            {
                while (true)
                {
                    var line = await ReadLineAsync(token);
                    var size = Convert.ToInt32(line.Split(';')[0], 16);
                    if (size == 0)
                    {
                        while ((await ReadLineAsync(token)).Length > 0)
                        {
                        }

                        break;
                    }

                    await CopyAsync(body, size, token);
                    await ReadLineAsync(token);
                }
            }
            else if (length is not null)
            {
                await CopyAsync(body, long.Parse(length, System.Globalization.CultureInfo.InvariantCulture), token);
            }

            return new ReceivedRequest(parts[0], parts[1], parts[2], headers, body.ToArray());
        }

        private async Task<string> ReadLineAsync(CancellationToken token)
        {
            int end;
            while ((end = _buffer.AsSpan(_start, _end - _start).IndexOf("\r\n"u8)) < 0)
            {
                if (!await FillAsync(token))
                {
                    throw new IOException("the client closed in the middle of a chunked body");
                }
            }

            var line = Encoding.Latin1.GetString(_buffer, _start, end);
            _start += end + 2;
            return line;
        }

        private async Task CopyAsync(Stream destination, long count, CancellationToken token)
        {
            while (count > 0)
            {
                if (_start == _end && !await FillAsync(token))
                {
                    throw new IOException("the client closed in the middle of a body");
                }

                var take = (int)Math.Min(count, _end - _start);
                destination.Write(_buffer, _start, take);
                _start += take;
                count -= take;
            }
        }

        private async Task<bool> FillAsync(CancellationToken token)
        {
            if (_start > 0)
            {
                Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            var read = await stream.ReadAsync(_buffer.AsMemory(_end), token);
            _end += read;
            return read > 0;
        }
    }
}
