using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// The memory stream's safety net: if SslStream ever calls it from another thread, the work is moved back
/// to the engine's thread through Post instead of touching engine state there.
/// </summary>
public sealed class TlsBioTests : IDisposable
{
    private readonly TestLoop _loop = new();

    public void Dispose()
    {
        _loop.Dispose();
        Assert.Empty(_loop.Errors);
    }

    private sealed class Owner(TestLoop loop) : ITlsBioOwner
    {
        public TlsBio? Bio { get; set; }

        public List<(byte[] Bytes, int ThreadId)> Sent { get; } = [];

        public int Posts;

        public bool IsOnEngineThread => Environment.CurrentManagedThreadId == loop.ThreadId;

        public void CiphertextOut(ReadOnlySpan<byte> ciphertext) => Sent.Add((ciphertext.ToArray(), Environment.CurrentManagedThreadId));

        public void PostPump() => Post(() => Bio!.TryCompletePendingRead());

        public void Post(Action action)
        {
            Interlocked.Increment(ref Posts);
            loop.Post(action);
        }
    }

    [Fact]
    public async Task A_read_on_the_engine_thread_waits_for_ciphertext_and_resumes_inline_when_it_arrives()
    {
        var owner = new Owner(_loop);
        var bio = owner.Bio = new TlsBio(owner);
        var buffer = new byte[16];

        var resumedOn = await _loop.InvokeAsync(() =>
        {
            var pending = bio.ReadAsync(buffer).AsTask();
            var continuation = pending.ContinueWith(t => (t.Result, Environment.CurrentManagedThreadId), TaskContinuationOptions.ExecuteSynchronously);
            var completedEarly = pending.IsCompleted;
            bio.AppendInbound("cipher"u8);
            bio.TryCompletePendingRead();
            return (completedEarly, continuation.IsCompleted, continuation.Result);
        });

        Assert.Equal((false, true, (6, _loop.ThreadId)), resumedOn);
        Assert.Equal("cipher"u8.ToArray(), buffer[..6]);
        Assert.Equal(0, owner.Posts);
    }

    [Fact]
    public async Task A_read_from_another_thread_is_served_through_post_on_the_engine_thread()
    {
        var owner = new Owner(_loop);
        var bio = owner.Bio = new TlsBio(owner);
        await _loop.InvokeAsync(() => bio.AppendInbound("buffered"u8));
        var buffer = new byte[16];

        // Hold the loop until the continuation is attached, so it cannot complete the read before then.
        using var gate = new ManualResetEventSlim();
        _loop.Post(() => gate.Wait(TestTimeouts.Operation));

        // The test thread is not the engine's: even with data buffered the read must not be served here.
        var pending = bio.ReadAsync(buffer).AsTask();
        var completedHere = pending.IsCompleted;
        var served = pending.ContinueWith(t => (t.Result, Environment.CurrentManagedThreadId), TaskContinuationOptions.ExecuteSynchronously);
        gate.Set();
        var result = await served.WaitAsync(TestTimeouts.Operation);

        Assert.False(completedHere);

        Assert.Equal((8, _loop.ThreadId), result);
        Assert.Equal(1, owner.Posts);
    }

    [Fact]
    public async Task A_write_from_another_thread_is_sent_through_post_on_the_engine_thread()
    {
        var owner = new Owner(_loop);
        owner.Bio = new TlsBio(owner);
        var data = "records"u8.ToArray();

        var write = owner.Bio.WriteAsync(data).AsTask();
        data[0] = (byte)'X';
        await write.WaitAsync(TestTimeouts.Operation);

        var (bytes, threadId) = Assert.Single(await _loop.InvokeAsync(() => owner.Sent.ToList()));
        Assert.Equal("records"u8.ToArray(), bytes);
        Assert.Equal(_loop.ThreadId, threadId);
    }

    [Fact]
    public async Task The_end_of_the_stream_completes_a_pending_read_with_zero()
    {
        var owner = new Owner(_loop);
        var bio = owner.Bio = new TlsBio(owner);

        var result = await _loop.InvokeAsync(() =>
        {
            var pending = bio.ReadAsync(new byte[4]).AsTask();
            bio.SetEndOfStream();
            bio.TryCompletePendingRead();
            return (pending.IsCompleted, pending.Result, bio.EndOfStreamDelivered);
        });

        Assert.Equal((true, 0, true), result);
    }

    [Fact]
    public async Task The_engine_thread_awaitable_continues_inline_on_the_engine_thread_and_posts_elsewhere()
    {
        var owner = new Owner(_loop);

        var onLoop = await _loop.InvokeAsync(() => new EngineThreadAwaitable(owner).IsCompleted);
        var offLoop = new EngineThreadAwaitable(owner);
        var resumed = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        offLoop.OnCompleted(() => resumed.SetResult(Environment.CurrentManagedThreadId));

        Assert.True(onLoop);
        Assert.False(offLoop.IsCompleted);
        Assert.Equal(_loop.ThreadId, await resumed.Task.WaitAsync(TestTimeouts.Operation));
    }
}
