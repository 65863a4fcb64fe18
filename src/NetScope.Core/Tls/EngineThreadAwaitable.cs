using System.Runtime.CompilerServices;

namespace NetScope.Core.Tls;

/// <summary>
/// <c>await</c> this after every await on SslStream: it continues at once when already on the engine's
/// thread (the normal case, since the BIO completes SslStream's reads inline) and otherwise hands the
/// rest of the method to the host's Post, so engine state is only ever touched from one thread.
/// </summary>
internal readonly struct EngineThreadAwaitable(ITlsBioOwner owner) : ICriticalNotifyCompletion
{
    public bool IsCompleted => owner.IsOnEngineThread;

    public EngineThreadAwaitable GetAwaiter() => this;

    public void GetResult()
    {
    }

    public void OnCompleted(Action continuation) => owner.Post(continuation);

    public void UnsafeOnCompleted(Action continuation) => owner.Post(continuation);
}
