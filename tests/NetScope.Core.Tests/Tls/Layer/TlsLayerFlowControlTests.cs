using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;
using NetScope.Core.Tls;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>
/// Tens of megabytes through the TLS layer both ways at once, checked byte for byte, with every buffer
/// on the way staying bounded because producers pause: the client's sender when ciphertext backs up
/// beneath it, the echo server's reading when its own writes back up.
/// </summary>
public sealed class TlsLayerFlowControlTests : IDisposable
{
    private const int TotalBytes = 32 * 1024 * 1024;
    private const int ChunkBytes = 64 * 1024;

    /// <summary>Generous against the 64 KiB high-water mark: one more chunk and the TLS records' overhead.</summary>
    private const long BufferBound = 512 * 1024;

    private readonly ReactorThread _reactor = new();

    public void Dispose() => _reactor.Dispose();

    /// <summary>The byte at <paramref name="offset"/> of the test stream: no period short enough to hide a shifted chunk.</summary>
    private static byte Pattern(long offset) => (byte)((offset * 7) ^ (offset >> 9) ^ (offset >> 17));

    [Fact]
    public async Task Thirty_two_megabytes_echo_through_tls_byte_for_byte_with_bounded_buffers()
    {
        var server = new TaskCompletionSource<FlowEcho>(TaskCreationOptions.RunContinuationsAsynchronously);
        var certificates = TestCertificates.Instance;
        var client = new BulkClient(_reactor.Reactor);
        var port = await _reactor.InvokeAsync(() => ((IPEndPoint)_reactor.Reactor.ListenSsl(
            0,
            Factory.ForProtocol(() =>
            {
                var echo = new FlowEcho { Paused = client.ResumeReadingOnce };
                server.TrySetResult(echo);
                return echo;
            }),
            new TlsServerOptions(certificates.Localhost),
            bindAddress: "127.0.0.1").GetHost()).Port);
        var options = new TlsClientOptions { ServerName = "localhost", TrustedAuthorities = certificates.CaCollection, AllowResumption = false };

        await _reactor.InvokeAsync(() => _reactor.Reactor.ConnectSsl("127.0.0.1", port, new ClientFactory(() => client), options));
        var echo = await server.Task.WaitAsync(TestTimeouts.Operation);
        var reason = await client.Lost.Task.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.IsType<ConnectionDoneException>(reason);
        Assert.Null(client.Mismatch);
        Assert.Equal(TotalBytes, client.Received);
        Assert.Equal(TotalBytes, echo.Received);
        Assert.True(client.Pauses > 0, "the sender was never paused: ciphertext never backed up");
        Assert.True(echo.Pauses > 0, "the echo server's reading was never paused");
        Assert.True(client.MaxLowerBuffer <= BufferBound, $"client's TCP write buffer reached {client.MaxLowerBuffer} bytes");
        Assert.True(echo.MaxLowerBuffer <= BufferBound, $"server's TCP write buffer reached {echo.MaxLowerBuffer} bytes");
        Assert.True(client.MaxPendingPlaintext <= BufferBound, $"client's plaintext queue reached {client.MaxPendingPlaintext} bytes");
    }

    /// <summary>
    /// Streams the pattern through its own push producer, and checks what comes back. It does not read
    /// until the echo server has had to pause (so the server's backpressure is sure to be exercised),
    /// then reads as fast as it can.
    /// </summary>
    private sealed class BulkClient : Protocol, IPushProducer, IHalfCloseableProtocol
    {
        private readonly IReactor _reactor;
        private readonly byte[] _chunk = new byte[ChunkBytes];
        private long _sent;
        private bool _paused;
        private bool _producing;
        private bool _readingResumed;

        public BulkClient(IReactor reactor) => _reactor = reactor;

        public TaskCompletionSource<Exception> Lost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Received { get; private set; }

        public string? Mismatch { get; private set; }

        public int Pauses { get; private set; }

        public long MaxLowerBuffer { get; private set; }

        public long MaxPendingPlaintext { get; private set; }

        public override void ConnectionMade()
        {
            Transport.PauseProducing();
            Transport.RegisterProducer(this, streaming: true);
            _reactor.CallLater(0, Produce);
        }

        /// <summary>Called (on the reactor thread) when the echo server first pauses its reading.</summary>
        public void ResumeReadingOnce()
        {
            if (!_readingResumed)
            {
                _readingResumed = true;
                Transport.ResumeProducing();
            }
        }

        public void PauseProducing()
        {
            _paused = true;
            Pauses++;
        }

        public void ResumeProducing()
        {
            _paused = false;
            Produce();
        }

        public void StopProducing() => _paused = true;

        public override void DataReceived(ReadOnlySpan<byte> data)
        {
            for (var i = 0; i < data.Length && Mismatch is null; i++)
            {
                if (data[i] != Pattern(Received + i))
                {
                    Mismatch = $"byte {Received + i}: got {data[i]}, expected {Pattern(Received + i)}";
                }
            }

            Received += data.Length;
        }

        public void ReadConnectionLost()
        {
        }

        public void WriteConnectionLost()
        {
        }

        public override void ConnectionLost(Failure reason) => Lost.TrySetResult(reason.Value);

        private void Produce()
        {
            if (_producing)
            {
                return;
            }

            _producing = true;
            var tls = (ITlsTransport)Transport;
            while (!_paused && _sent < TotalBytes)
            {
                for (var i = 0; i < _chunk.Length; i++)
                {
                    _chunk[i] = Pattern(_sent + i);
                }

                _sent += _chunk.Length;
                Transport.Write(_chunk);
                MaxLowerBuffer = Math.Max(MaxLowerBuffer, tls.LowerTransport.Stats.WriteBufferSize);
                MaxPendingPlaintext = Math.Max(MaxPendingPlaintext, tls.Stats.WriteBufferSize);
            }

            _producing = false;
            if (_sent == TotalBytes && !_paused)
            {
                _paused = true;
                Transport.UnregisterProducer();
                tls.LoseWriteConnection();
            }
        }
    }

    /// <summary>
    /// Echoes with flow control the Twisted way: the transport is registered as the producer of its own
    /// writes, so when they back up the transport stops reading.
    /// </summary>
    private sealed class FlowEcho : Protocol, IHalfCloseableProtocol, IPushProducer
    {
        public Action? Paused { get; init; }

        public long Received { get; private set; }

        public int Pauses { get; private set; }

        public long MaxLowerBuffer { get; private set; }

        public override void ConnectionMade() => Transport.RegisterProducer(this, streaming: true);

        public override void DataReceived(ReadOnlySpan<byte> data)
        {
            Received += data.Length;
            Transport.Write(data);
            MaxLowerBuffer = Math.Max(MaxLowerBuffer, ((ITlsTransport)Transport).LowerTransport.Stats.WriteBufferSize);
        }

        public void PauseProducing()
        {
            Pauses++;
            Transport.PauseProducing();
            Paused?.Invoke();
        }

        public void ResumeProducing() => Transport.ResumeProducing();

        public void StopProducing() => Transport.StopProducing();

        public void ReadConnectionLost()
        {
            Transport.UnregisterProducer();
            Transport.LoseConnection();
        }

        public void WriteConnectionLost()
        {
        }
    }
}
