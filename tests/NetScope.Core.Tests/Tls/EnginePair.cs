using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// A client and a server engine wired to each other in memory through the loop: what one sends is posted
/// to the other, in order, as a reactor would deliver it on a later turn.
/// </summary>
internal sealed class EnginePair : IDisposable
{
    private readonly TestLoop _loop;

    private EnginePair(TestLoop loop, TlsEngine client, RecordingHost clientHost, TlsEngine server, RecordingHost serverHost)
    {
        _loop = loop;
        Client = client;
        ClientHost = clientHost;
        Server = server;
        ServerHost = serverHost;
    }

    public TlsEngine Client { get; }

    public RecordingHost ClientHost { get; }

    public TlsEngine Server { get; }

    public RecordingHost ServerHost { get; }

    /// <summary>Creates both engines on the loop and starts them (server first, so it is ready for the ClientHello).</summary>
    public static async Task<EnginePair> StartAsync(TestLoop loop, TlsClientOptions clientOptions, TlsServerOptions serverOptions, TimeProvider? time = null)
    {
        var clientHost = new RecordingHost(loop);
        var serverHost = new RecordingHost(loop);
        var pair = await loop.InvokeAsync(() =>
        {
            var client = TlsEngine.CreateClient(clientHost, clientOptions, time);
            var server = TlsEngine.CreateServer(serverHost, serverOptions, time);
            clientHost.Send = bytes => loop.Post(() => server.ReceiveCiphertext(bytes));
            serverHost.Send = bytes => loop.Post(() => client.ReceiveCiphertext(bytes));
            server.Start();
            client.Start();
            return new EnginePair(loop, client, clientHost, server, serverHost);
        });
        return pair;
    }

    /// <summary>Both hosts saw the handshake complete.</summary>
    public async Task<(TlsSessionInfo Client, TlsSessionInfo Server)> HandshakeAsync()
    {
        var client = await ClientHost.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        var server = await ServerHost.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        return (client, server);
    }

    public void Dispose()
    {
        // The thread rule, checked for every pair a test makes: all callbacks on the loop thread.
        Assert.All(ClientHost.CallbackThreads.Concat(ServerHost.CallbackThreads), threadId => Assert.Equal(_loop.ThreadId, threadId));
        _loop.InvokeAsync(() =>
        {
            Client.Dispose();
            Server.Dispose();
        }).Wait(TestTimeouts.Operation);
    }
}
