using System.Collections.Concurrent;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// An <see cref="ITlsEngineHost"/> that records everything the engine does, with the thread it did it on,
/// and turns the events into tasks a test can await.
/// </summary>
internal sealed class RecordingHost(TestLoop loop) : ITlsEngineHost
{
    private readonly MemoryStream _received = new();
    private readonly List<(long Count, TaskCompletionSource Done)> _receiveWaiters = [];

    /// <summary>Where ciphertext goes; set by the wiring (a peer engine or a socket).</summary>
    public Action<byte[]>? Send { get; set; }

    /// <summary>Extra behaviour on plaintext, e.g. an echo.</summary>
    public Action<byte[]>? OnPlaintext { get; set; }

    public Action<TlsSessionInfo>? OnHandshake { get; set; }

    public TaskCompletionSource<TlsSessionInfo> Handshake { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<TlsFailure> Failure { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource CloseNotify { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every callback's name with the id of the thread it ran on.</summary>
    public ConcurrentQueue<(string Callback, int ThreadId)> Calls { get; } = new();

    public long CiphertextBytesSent { get; private set; }

    public int Posts;

    /// <summary>The plaintext received so far; read it on the loop thread.</summary>
    public byte[] ReceivedBytes => _received.ToArray();

    public long ReceivedCount => _received.Length;

    public IEnumerable<int> CallbackThreads => Calls.Select(c => c.ThreadId);

    public Task WaitForReceivedAsync(long count)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        loop.Post(() =>
        {
            if (_received.Length >= count)
            {
                done.SetResult();
            }
            else
            {
                _receiveWaiters.Add((count, done));
            }
        });
        return done.Task;
    }

    public void SendCiphertext(ReadOnlySpan<byte> ciphertext)
    {
        Record(nameof(SendCiphertext));
        CiphertextBytesSent += ciphertext.Length;
        Send?.Invoke(ciphertext.ToArray());
    }

    public void HandshakeCompleted(TlsSessionInfo session)
    {
        Record(nameof(HandshakeCompleted));
        OnHandshake?.Invoke(session);
        Handshake.TrySetResult(session);
    }

    public void PlaintextReceived(ReadOnlySpan<byte> plaintext)
    {
        Record(nameof(PlaintextReceived));
        _received.Write(plaintext);
        for (var i = _receiveWaiters.Count - 1; i >= 0; i--)
        {
            if (_received.Length >= _receiveWaiters[i].Count)
            {
                _receiveWaiters[i].Done.SetResult();
                _receiveWaiters.RemoveAt(i);
            }
        }

        OnPlaintext?.Invoke(plaintext.ToArray());
    }

    public void CloseNotifyReceived()
    {
        Record(nameof(CloseNotifyReceived));
        CloseNotify.TrySetResult();
    }

    public void Failed(TlsFailure failure)
    {
        Record(nameof(Failed));
        Failure.TrySetResult(failure);
        Handshake.TrySetException(new InvalidOperationException("TLS failed: " + failure));
    }

    public void Post(Action action)
    {
        Interlocked.Increment(ref Posts);
        loop.Post(action);
    }

    private void Record(string callback) => Calls.Enqueue((callback, Environment.CurrentManagedThreadId));
}
