using System.Net;
using System.Net.Sockets;
using System.Text;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>A client engine against plain sockets that misbehave: a plaintext server, a banner, a reset, a hang-up.</summary>
public sealed class RawPeerTests : IDisposable
{
    private readonly TestLoop _loop = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RawPeerTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Dispose()
    {
        _listener.Stop();
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    private static TlsClientOptions Options => new() { ServerName = "localhost" };

    /// <summary>Accepts one connection, waits for the ClientHello's first bytes, then does <paramref name="answer"/>.</summary>
    private async Task<TlsFailure> ConnectToPeerThatAsync(Func<Socket, Task> answer, bool waitForClientHello = true)
    {
        var accepting = _listener.AcceptSocketAsync();
        using var pump = await SocketPump.ConnectClientAsync(_loop, Port, Options);
        using var peer = await accepting.WaitAsync(TestTimeouts.Operation);
        if (waitForClientHello)
        {
            var hello = new byte[5];
            var n = await peer.ReceiveAsync(hello).WaitAsync(TestTimeouts.Operation);
            Assert.Equal(0x16, hello[0]);
            Assert.True(n > 0);
        }

        await answer(peer);
        return await pump.Host.Failure.Task.WaitAsync(TestTimeouts.Operation);
    }

    [Fact]
    public async Task A_server_that_answers_in_http_is_a_plaintext_peer()
    {
        var failure = await ConnectToPeerThatAsync(async peer =>
        {
            await peer.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            peer.Shutdown(SocketShutdown.Both);
        });

        Assert.Equal(TlsFailureKind.PlaintextPeer, failure.Kind);
        Assert.Equal("peer is not speaking TLS: it sent an HTTP response: \"HTTP/1.1 400 Bad Request\"", failure.Message);
        Assert.StartsWith("HTTP/1.1 400", Encoding.ASCII.GetString(failure.PeerPrefix.Span));
        Assert.True(failure.DuringHandshake);
    }

    [Fact]
    public async Task A_server_that_greets_with_an_ssh_banner_is_a_plaintext_peer()
    {
        var failure = await ConnectToPeerThatAsync(
            peer => peer.SendAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n")),
            waitForClientHello: false);

        Assert.Equal(TlsFailureKind.PlaintextPeer, failure.Kind);
        Assert.Equal("peer is not speaking TLS: it sent an SSH banner: \"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\"", failure.Message);
    }

    [Fact]
    public async Task A_reset_in_the_middle_of_the_handshake_is_reported_as_such()
    {
        var failure = await ConnectToPeerThatAsync(peer =>
        {
            // Linger 0 makes close send RST instead of FIN.
            peer.LingerState = new LingerOption(true, 0);
            peer.Close();
            return Task.CompletedTask;
        });

        Assert.Equal(TlsFailureKind.PeerClosedDuringHandshake, failure.Kind);
        Assert.Equal("peer reset the connection (Connection reset by peer) during the handshake, before answering the ClientHello", failure.Message);
    }

    [Fact]
    public async Task A_hang_up_in_the_middle_of_the_handshake_is_reported_as_such()
    {
        var failure = await ConnectToPeerThatAsync(peer =>
        {
            peer.Shutdown(SocketShutdown.Both);
            return Task.CompletedTask;
        });

        Assert.Equal(TlsFailureKind.PeerClosedDuringHandshake, failure.Kind);
        Assert.Equal("peer closed the connection during the handshake, before answering the ClientHello", failure.Message);
    }
}
