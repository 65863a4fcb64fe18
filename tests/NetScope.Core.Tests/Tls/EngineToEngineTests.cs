using System.Security.Cryptography;
using System.Text;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// A client engine and a server engine wired to each other in memory on one loop thread: fast and
/// deterministic, for the engine's own behaviour (queueing, closing, flow control, threads).
/// </summary>
public sealed class EngineToEngineTests : IDisposable
{
    private readonly TestLoop _loop = new();

    public void Dispose()
    {
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    internal static TlsServerOptions ServerOptions(params string[] alpn) =>
        new(TestCertificates.Instance.Localhost) { ApplicationProtocols = alpn };

    internal static TlsClientOptions ClientOptions(params string[] alpn) => new()
    {
        ServerName = "localhost",
        TrustedAuthorities = TestCertificates.Instance.CaCollection,
        ApplicationProtocols = alpn,
    };

    [Fact]
    public async Task Handshake_completes_on_both_sides_and_reports_the_session()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions("h2", "http/1.1"), ServerOptions("http/1.1", "h2"));

        var (client, server) = await pair.HandshakeAsync();

        Assert.Equal(TlsProtocolVersion.Tls13, client.ProtocolVersion);
        Assert.Equal("TLSv1.3", client.ProtocolName);
        Assert.Equal(client.CipherSuite, server.CipherSuite);
        Assert.Equal("http/1.1", client.ApplicationProtocol);
        Assert.Equal("http/1.1", server.ApplicationProtocol);
        Assert.Equal(["h2", "http/1.1"], server.OfferedApplicationProtocols);
        Assert.Equal("localhost", client.ServerName);
        Assert.Equal("localhost", server.ServerName);
        Assert.False(client.Resumed);
        Assert.Equal(TlsVerificationStatus.Trusted, client.Verification.Status);
        Assert.Equal("certificate chain to 'CN=NetScope Test CA' is trusted", client.Verification.Reason);
        Assert.Equal(["CN=localhost"], client.PeerCertificates.Select(c => c.Subject));
        Assert.Equal(["CN=localhost", "CN=NetScope Test CA"], client.Verification.VerifiedPath.Select(c => c.Subject));
        var leaf = client.PeerCertificates[0];
        Assert.Equal(TestCertificates.Instance.Localhost.GetCertHashString(HashAlgorithmName.SHA256), leaf.Sha256Fingerprint.Replace(":", string.Empty));
        Assert.Equal(["DNS:localhost", "IP:127.0.0.1", "IP:::1"], leaf.SubjectAlternativeNames);
        Assert.Equal(("ECDSA P-256", 256), (leaf.KeyType, leaf.KeySize));
        Assert.Equal(new DateTimeOffset(2044, 1, 1, 0, 0, 0, TimeSpan.Zero), leaf.NotAfter);
        Assert.Equal(client.ClientRandom, server.ClientRandom);
        Assert.Matches("^[0-9a-f]{64}$", client.ClientRandom);
        Assert.Empty(server.PeerCertificates);
        Assert.Equal(TlsVerificationStatus.NotPerformed, server.Verification.Status);
        Assert.Equal((TlsEngineState.Established, TlsEngineState.Established), await _loop.InvokeAsync(() => (pair.Client.State, pair.Server.State)));
    }

    [Fact]
    public async Task Tls12_is_negotiated_when_the_client_offers_nothing_newer()
    {
        var options = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TestCertificates.Instance.CaCollection,
            MaxVersion = TlsProtocolVersion.Tls12,
            ApplicationProtocols = ["h2"],
        };
        using var pair = await EnginePair.StartAsync(_loop, options, ServerOptions("h2"));

        var (client, server) = await pair.HandshakeAsync();

        Assert.Equal((TlsProtocolVersion.Tls12, TlsProtocolVersion.Tls12), (client.ProtocolVersion, server.ProtocolVersion));
        Assert.Equal(("h2", "h2"), (client.ApplicationProtocol, server.ApplicationProtocol));
        Assert.Equal(TlsVerificationStatus.Trusted, client.Verification.Status);
    }

    [Fact]
    public async Task Plaintext_flows_both_ways()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();

        await _loop.InvokeAsync(() => pair.Client.WritePlaintext("ping from client"u8));
        await pair.ServerHost.WaitForReceivedAsync(16).WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pair.Server.WritePlaintext("pong from server"u8));
        await pair.ClientHost.WaitForReceivedAsync(16).WaitAsync(TestTimeouts.Operation);

        Assert.Equal("ping from client", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pair.ServerHost.ReceivedBytes)));
        Assert.Equal("pong from server", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pair.ClientHost.ReceivedBytes)));
    }

    [Fact]
    public async Task Writes_made_before_the_handshake_are_queued_and_sent_in_order_after_it()
    {
        var clientHost = new RecordingHost(_loop);
        var serverHost = new RecordingHost(_loop);
        var queuedBeforeHandshake = await _loop.InvokeAsync(() =>
        {
            var client = TlsEngine.CreateClient(clientHost, ClientOptions());
            var server = TlsEngine.CreateServer(serverHost, ServerOptions());
            clientHost.Send = bytes => _loop.Post(() => server.ReceiveCiphertext(bytes));
            serverHost.Send = bytes => _loop.Post(() => client.ReceiveCiphertext(bytes));
            server.Start();
            client.Start();
            client.WritePlaintext("first "u8);
            client.WritePlaintext("second "u8);
            clientHost.OnHandshake = _ => client.WritePlaintext("written-in-HandshakeCompleted"u8);
            server.WritePlaintext("server-early"u8);
            return (client.PendingPlaintextBytes, client.State, server.PendingPlaintextBytes);
        });

        await serverHost.WaitForReceivedAsync(42).WaitAsync(TestTimeouts.Operation);
        await clientHost.WaitForReceivedAsync(12).WaitAsync(TestTimeouts.Operation);

        Assert.Equal((13, TlsEngineState.Handshaking, 12), queuedBeforeHandshake);
        Assert.Equal("first second written-in-HandshakeCompleted", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => serverHost.ReceivedBytes)));
        Assert.Equal("server-early", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => clientHost.ReceivedBytes)));
    }

    [Fact]
    public async Task Several_megabytes_cross_both_ways_at_once_byte_for_byte()
    {
        const int size = 6 * 1024 * 1024;
        var fromClient = RandomNumberGenerator.GetBytes(size);
        var fromServer = RandomNumberGenerator.GetBytes(size);
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();

        await _loop.InvokeAsync(() =>
        {
            // Uneven slices, so writes straddle the 16 KiB record boundary.
            for (var offset = 0; offset < size; offset += 100_003)
            {
                pair.Client.WritePlaintext(fromClient.AsSpan(offset, Math.Min(100_003, size - offset)));
                pair.Server.WritePlaintext(fromServer.AsSpan(offset, Math.Min(100_003, size - offset)));
            }
        });
        await pair.ServerHost.WaitForReceivedAsync(size).WaitAsync(TestTimeouts.Operation);
        await pair.ClientHost.WaitForReceivedAsync(size).WaitAsync(TestTimeouts.Operation);

        var atServer = await _loop.InvokeAsync(() => pair.ServerHost.ReceivedBytes);
        var atClient = await _loop.InvokeAsync(() => pair.ClientHost.ReceivedBytes);
        Assert.True(fromClient.AsSpan().SequenceEqual(atServer), "client-to-server bytes differ");
        Assert.True(fromServer.AsSpan().SequenceEqual(atClient), "server-to-client bytes differ");
        Assert.Equal((0, 0), await _loop.InvokeAsync(() => (pair.Client.PendingPlaintextBytes, pair.Client.BufferedCiphertextBytes)));
    }

    [Fact]
    public async Task Every_callback_runs_on_the_thread_that_drives_the_engine()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() =>
        {
            pair.Client.WritePlaintext(new byte[300_000]);
            pair.Server.WritePlaintext(new byte[300_000]);
        });
        await pair.ServerHost.WaitForReceivedAsync(300_000).WaitAsync(TestTimeouts.Operation);
        await pair.ClientHost.WaitForReceivedAsync(300_000).WaitAsync(TestTimeouts.Operation);
        await _loop.InvokeAsync(() => pair.Client.Shutdown());
        await pair.ServerHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);

        var calls = pair.ClientHost.Calls.Concat(pair.ServerHost.Calls).ToList();
        Assert.Contains(calls, c => c.Callback == "HandshakeCompleted");
        Assert.Contains(calls, c => c.Callback == "PlaintextReceived");
        Assert.Contains(calls, c => c.Callback == "CloseNotifyReceived");
        Assert.All(calls, c => Assert.Equal(_loop.ThreadId, c.ThreadId));
    }

    [Fact]
    public async Task SslStream_continuations_run_inline_so_the_engine_never_needs_to_post()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() => pair.Client.WritePlaintext(new byte[1_000_000]));
        await pair.ServerHost.WaitForReceivedAsync(1_000_000).WaitAsync(TestTimeouts.Operation);

        Assert.Equal((0, 0), (pair.ClientHost.Posts, pair.ServerHost.Posts));
    }

    [Fact]
    public async Task A_callback_that_throws_fails_the_engine_with_that_exception()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        pair.ServerHost.OnPlaintext = _ => throw new FormatException("bad request line");

        await _loop.InvokeAsync(() => pair.Client.WritePlaintext("garbage"u8));
        var failure = await pair.ServerHost.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.ConnectionError, failure.Kind);
        Assert.Equal("a TLS engine callback threw FormatException: bad request line", failure.Message);
        Assert.IsType<FormatException>(failure.Exception);
    }

    [Fact]
    public async Task Inputs_from_another_thread_are_refused()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();

        var error = Assert.Throws<InvalidOperationException>(() => pair.Client.WritePlaintext("x"u8));

        Assert.Contains("CallFromThread", error.Message);
    }

    [Fact]
    public async Task Close_notify_is_reported_to_the_peer_and_both_sides_end_closed()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        pair.ServerHost.OnPlaintext = _ => { };

        await _loop.InvokeAsync(() =>
        {
            pair.Client.WritePlaintext("last words"u8);
            pair.Client.Shutdown();
            pair.Client.WritePlaintext("dropped after Shutdown"u8);
        });
        await pair.ServerHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);
        var serverAfterClientClose = await _loop.InvokeAsync(() => (pair.Server.State, pair.Server.CloseNotifyReceived, pair.Client.CloseNotifySent));

        // The server may still answer (half-close), then closes its direction too.
        await _loop.InvokeAsync(() =>
        {
            pair.Server.WritePlaintext("reply after client's close_notify"u8);
            pair.Server.Shutdown();
        });
        await pair.ClientHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal((TlsEngineState.Established, true, true), serverAfterClientClose);
        Assert.Equal("last words", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pair.ServerHost.ReceivedBytes)));
        Assert.Equal("reply after client's close_notify", Encoding.ASCII.GetString(await _loop.InvokeAsync(() => pair.ClientHost.ReceivedBytes)));
        Assert.Equal((TlsEngineState.Closed, TlsEngineState.Closed), await _loop.InvokeAsync(() => (pair.Client.State, pair.Server.State)));
        Assert.False(pair.ClientHost.Failure.Task.IsCompleted || pair.ServerHost.Failure.Task.IsCompleted);
    }

    [Fact]
    public async Task A_transport_closing_without_close_notify_is_a_truncated_close()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() => pair.Server.WritePlaintext("partial"u8));
        await pair.ClientHost.WaitForReceivedAsync(7).WaitAsync(TestTimeouts.Operation);

        await _loop.InvokeAsync(() => pair.Client.TransportClosed());
        var failure = await pair.ClientHost.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.TruncatedClose, failure.Kind);
        Assert.Equal("peer closed the connection without close_notify: the data may be truncated", failure.Message);
        Assert.False(failure.DuringHandshake);
        Assert.False(pair.ClientHost.CloseNotify.Task.IsCompleted);
    }

    [Fact]
    public async Task A_transport_closing_after_close_notify_is_a_clean_end()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() => pair.Server.Shutdown());
        await pair.ClientHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);

        await _loop.InvokeAsync(() => pair.Client.TransportClosed());

        Assert.Equal(TlsEngineState.Closed, await _loop.InvokeAsync(() => pair.Client.State));
        Assert.False(pair.ClientHost.Failure.Task.IsCompleted);
    }

    [Fact]
    public async Task The_side_that_sent_close_notify_accepts_a_bare_hang_up()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() => pair.Client.Shutdown());
        await pair.ServerHost.CloseNotify.Task.WaitAsync(TestTimeouts.Operation);

        await _loop.InvokeAsync(() => pair.Client.TransportClosed());

        Assert.Equal(TlsEngineState.Closed, await _loop.InvokeAsync(() => pair.Client.State));
        Assert.False(pair.ClientHost.Failure.Task.IsCompleted);
    }

    [Fact]
    public async Task Paused_receiving_buffers_ciphertext_until_resumed()
    {
        const int size = 1_000_000;
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        await _loop.InvokeAsync(() => pair.Client.PauseReceiving());

        await _loop.InvokeAsync(() => pair.Server.WritePlaintext(new byte[size]));
        var whilePaused = await _loop.InvokeAsync(() => (pair.ClientHost.ReceivedCount, pair.Client.BufferedCiphertextBytes));
        await _loop.InvokeAsync(() => pair.Client.ResumeReceiving());
        await pair.ClientHost.WaitForReceivedAsync(size).WaitAsync(TestTimeouts.Operation);

        Assert.Equal(0, whilePaused.ReceivedCount);
        Assert.InRange(whilePaused.BufferedCiphertextBytes, size, size + 10_000);
        Assert.Equal((size, 0), await _loop.InvokeAsync(() => (pair.ClientHost.ReceivedCount, pair.Client.BufferedCiphertextBytes)));
    }

    [Fact]
    public async Task Pausing_inside_PlaintextReceived_stops_delivery_at_once()
    {
        using var pair = await EnginePair.StartAsync(_loop, ClientOptions(), ServerOptions());
        await pair.HandshakeAsync();
        pair.ClientHost.OnPlaintext = _ => pair.Client.PauseReceiving();

        await _loop.InvokeAsync(() =>
        {
            pair.Server.WritePlaintext(new byte[PlaintextRecord]);
            pair.Server.WritePlaintext(new byte[PlaintextRecord]);
            pair.Server.WritePlaintext(new byte[PlaintextRecord]);
        });
        await pair.ClientHost.WaitForReceivedAsync(1).WaitAsync(TestTimeouts.Operation);
        var deliveredWhilePaused = await _loop.InvokeAsync(() => pair.ClientHost.ReceivedCount);
        pair.ClientHost.OnPlaintext = null;
        await _loop.InvokeAsync(() => pair.Client.ResumeReceiving());
        await pair.ClientHost.WaitForReceivedAsync(3 * PlaintextRecord).WaitAsync(TestTimeouts.Operation);

        Assert.Equal(PlaintextRecord, deliveredWhilePaused);
    }

    private const int PlaintextRecord = 16 * 1024;

    [Fact]
    public async Task Handshake_duration_is_measured_with_the_injected_clock()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var clientHost = new RecordingHost(_loop);
        var serverHost = new RecordingHost(_loop);
        await _loop.InvokeAsync(() =>
        {
            var client = TlsEngine.CreateClient(clientHost, ClientOptions(), time);
            var server = TlsEngine.CreateServer(serverHost, ServerOptions(), time);

            // Each flight takes 25 ms on this simulated network.
            clientHost.Send = bytes => _loop.Post(() =>
            {
                time.Advance(TimeSpan.FromMilliseconds(25));
                server.ReceiveCiphertext(bytes);
            });
            serverHost.Send = bytes => _loop.Post(() =>
            {
                time.Advance(TimeSpan.FromMilliseconds(25));
                client.ReceiveCiphertext(bytes);
            });
            server.Start();
            client.Start();
        });

        var session = await clientHost.Handshake.Task.WaitAsync(TestTimeouts.Operation);

        // ClientHello out, then the server's flight (one write, or more): at least two 25 ms hops.
        Assert.Equal(0, session.HandshakeDuration.Ticks % TimeSpan.FromMilliseconds(25).Ticks);
        Assert.InRange(session.HandshakeDuration, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(500));
        Assert.Equal(new DateTimeOffset(2030, 6, 1, 12, 0, 0, TimeSpan.Zero) + session.HandshakeDuration, session.CompletedAt);
    }

    [Fact]
    public async Task No_common_version_fails_both_sides_as_a_version_mismatch()
    {
        var client = new TlsClientOptions
        {
            ServerName = "localhost",
            TrustedAuthorities = TestCertificates.Instance.CaCollection,
            MaxVersion = TlsProtocolVersion.Tls12,
        };
        var server = new TlsServerOptions(TestCertificates.Instance.Localhost) { MinVersion = TlsProtocolVersion.Tls13 };
        using var pair = await EnginePair.StartAsync(_loop, client, server);

        var clientFailure = await pair.ClientHost.Failure.Task.WaitAsync(TestTimeouts.Operation);
        var serverFailure = await pair.ServerHost.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.ProtocolVersionMismatch, clientFailure.Kind);
        Assert.StartsWith("no TLS version in common: peer sent alert protocol_version (this side offered only TLS 1.2)", clientFailure.Message);
        Assert.Equal(("protocol_version", true), (clientFailure.Alert, clientFailure.AlertFromPeer));
        Assert.Equal(TlsFailureKind.ProtocolVersionMismatch, serverFailure.Kind);
        Assert.True(clientFailure.DuringHandshake);
    }

    [Fact]
    public async Task A_server_engine_fed_an_http_request_reports_a_plaintext_peer()
    {
        var host = new RecordingHost(_loop);
        await _loop.InvokeAsync(() =>
        {
            var server = TlsEngine.CreateServer(host, ServerOptions());
            server.Start();
            server.ReceiveCiphertext("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8);
        });

        var failure = await host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.PlaintextPeer, failure.Kind);
        Assert.Equal("peer is not speaking TLS: it sent an HTTP request: \"GET / HTTP/1.1\"", failure.Message);
        Assert.Equal("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n", Encoding.ASCII.GetString(failure.PeerPrefix.Span));
        Assert.Equal(0, host.CiphertextBytesSent);
    }

    [Fact]
    public async Task The_client_closing_during_the_handshake_is_reported_by_the_server()
    {
        var host = new RecordingHost(_loop);
        var clientHello = await CaptureClientHelloAsync();
        await _loop.InvokeAsync(() =>
        {
            var server = TlsEngine.CreateServer(host, ServerOptions());
            server.Start();
            server.ReceiveCiphertext(clientHello);
            server.TransportClosed();
        });

        var failure = await host.Failure.Task.WaitAsync(TestTimeouts.Operation);

        Assert.Equal(TlsFailureKind.PeerClosedDuringHandshake, failure.Kind);
        Assert.Equal("peer closed the connection during the handshake, after the ServerHello", failure.Message);
    }

    private async Task<byte[]> CaptureClientHelloAsync()
    {
        var host = new RecordingHost(_loop);
        var sent = new MemoryStream();
        host.Send = bytes => sent.Write(bytes);
        await _loop.InvokeAsync(() => TlsEngine.CreateClient(host, ClientOptions()).Start());
        return await _loop.InvokeAsync(sent.ToArray);
    }
}
