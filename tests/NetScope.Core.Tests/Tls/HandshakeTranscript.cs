using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>The bytes of one real handshake between two engines, in the order they crossed, for feeding parsers.</summary>
internal sealed class HandshakeTranscript
{
    private HandshakeTranscript(List<(bool FromClient, byte[] Bytes)> flights) => Flights = flights;

    public IReadOnlyList<(bool FromClient, byte[] Bytes)> Flights { get; }

    public static async Task<HandshakeTranscript> RecordAsync(TestLoop loop, TlsClientOptions client, TlsServerOptions server)
    {
        var flights = new List<(bool, byte[])>();
        var clientHost = new RecordingHost(loop);
        var serverHost = new RecordingHost(loop);
        TlsEngine? clientEngine = null, serverEngine = null;
        await loop.InvokeAsync(() =>
        {
            clientEngine = TlsEngine.CreateClient(clientHost, client);
            serverEngine = TlsEngine.CreateServer(serverHost, server);
            clientHost.Send = bytes =>
            {
                flights.Add((true, bytes));
                loop.Post(() => serverEngine.ReceiveCiphertext(bytes));
            };
            serverHost.Send = bytes =>
            {
                flights.Add((false, bytes));
                loop.Post(() => clientEngine.ReceiveCiphertext(bytes));
            };
            serverEngine.Start();
            clientEngine.Start();
        });
        await clientHost.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await serverHost.Handshake.Task.WaitAsync(TestTimeouts.Operation);
        await loop.InvokeAsync(() =>
        {
            clientEngine!.Dispose();
            serverEngine!.Dispose();
        });
        return new HandshakeTranscript(flights);
    }

    /// <summary>Feeds the transcript to an observer playing <paramref name="role"/>, cut into chunks of <paramref name="chunk"/> bytes.</summary>
    public TlsHandshakeObserver Observe(TlsRole role, int chunk)
    {
        var observer = new TlsHandshakeObserver(role);
        foreach (var (fromClient, bytes) in Flights)
        {
            var outbound = fromClient == (role == TlsRole.Client);
            for (var offset = 0; offset < bytes.Length; offset += chunk)
            {
                var piece = bytes.AsSpan(offset, Math.Min(chunk, bytes.Length - offset));
                if (outbound)
                {
                    observer.ObserveOutbound(piece);
                }
                else
                {
                    observer.ObserveInbound(piece);
                }
            }
        }

        return observer;
    }
}
