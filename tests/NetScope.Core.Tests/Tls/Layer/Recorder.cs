using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Tls;
using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Tls.Layer;

/// <summary>
/// A protocol that records what happens to it: bytes received, the handshake, the end and its reason.
/// Hooks let a test act inside the callbacks, on the reactor thread.
/// </summary>
internal class Recorder : Protocol, ITlsHandshakeListener
{
    private readonly List<byte> _received = [];
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private readonly List<string> _events = [];

    public Action<Recorder>? OnConnected { get; init; }

    public Action<Recorder>? OnHandshake { get; init; }

    public Action<Recorder, byte[]>? OnData { get; init; }

    public TaskCompletionSource<Exception> Lost { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<ITlsTransport> Handshake { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Made { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public byte[] Received
    {
        get
        {
            lock (_received)
            {
                return [.. _received];
            }
        }
    }

    public string ReceivedText => System.Text.Encoding.ASCII.GetString(Received);

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Completes once at least <paramref name="count"/> bytes have arrived.</summary>
    public Task WaitForReceivedAsync(int count)
    {
        lock (_received)
        {
            if (_received.Count >= count)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, done));
            return done.Task.WaitAsync(TestTimeouts.Operation);
        }
    }

    public override void ConnectionMade()
    {
        Record("connected");
        Made.TrySetResult();
        OnConnected?.Invoke(this);
    }

    public void HandshakeCompleted(ITlsTransport transport)
    {
        Record("handshake");
        Handshake.TrySetResult(transport);
        OnHandshake?.Invoke(this);
    }

    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        var copy = data.ToArray();
        lock (_received)
        {
            _received.AddRange(copy);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_received.Count >= _waiters[i].Count)
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }

        OnData?.Invoke(this, copy);
    }

    public override void ConnectionLost(Failure reason)
    {
        Record("lost: " + reason.Value.GetType().Name);
        Lost.TrySetResult(reason.Value);
        Handshake.TrySetException(reason.Value);
    }

    protected void Record(string text)
    {
        lock (_events)
        {
            _events.Add(text);
        }
    }
}

/// <summary>A <see cref="Recorder"/> that lives with half-open connections.</summary>
internal sealed class HalfCloseRecorder : Recorder, IHalfCloseableProtocol
{
    public Action<HalfCloseRecorder>? OnReadClosed { get; init; }

    public TaskCompletionSource ReadClosed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void ReadConnectionLost()
    {
        Record("read closed");
        ReadClosed.TrySetResult();
        OnReadClosed?.Invoke(this);
    }

    public void WriteConnectionLost() => Record("write closed");
}

/// <summary>Echoes what arrives.</summary>
internal sealed class Echo : Protocol
{
    public override void DataReceived(ReadOnlySpan<byte> data) => Transport.Write(data);
}

/// <summary>Accepts connections and says nothing, ever: a peer that never answers.</summary>
internal sealed class Silent : Protocol
{
}

/// <summary>A factory that builds protocols with a function and hands each one to the test.</summary>
internal sealed class RecordingFactory<T>(Func<T> build) : ClientFactory
    where T : IProtocol
{
    private readonly List<T> _built = [];

    public TaskCompletionSource<T> First { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<Failure> ConnectFailed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override IProtocol? BuildProtocol(System.Net.EndPoint address)
    {
        var protocol = build();
        lock (_built)
        {
            _built.Add(protocol);
        }

        First.TrySetResult(protocol);
        return protocol;
    }

    public override void ClientConnectionFailed(IConnector connector, Failure reason) => ConnectFailed.TrySetResult(reason);
}

/// <summary>Helpers to read a transport beneath the TLS layer.</summary>
internal static class TransportExtensions
{
    public static ITlsTransport Tls(this Protocol protocol) => (ITlsTransport)protocol.Transport;

    public static IReadOnlyList<TransportState> States(this TransportStats stats) => [.. stats.History.Select(h => h.State)];
}
