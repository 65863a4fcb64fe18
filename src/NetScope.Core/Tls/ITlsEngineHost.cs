namespace NetScope.Core.Tls;

/// <summary>
/// What a <see cref="TlsEngine"/> needs from the code around it (in NetScope, the TLS transport on the
/// reactor). Every member is called on the thread that drives the engine: the engine calls back during
/// one of its input calls, or from an action it handed to <see cref="Post"/>. Members may call the
/// engine's inputs again (write in reply to data, shut down on a failure); the engine copes with that.
/// </summary>
public interface ITlsEngineHost
{
    /// <summary>Bytes for the network. Send them in order; the span is only valid during the call.</summary>
    /// <param name="ciphertext">TLS records to send.</param>
    void SendCiphertext(ReadOnlySpan<byte> ciphertext);

    /// <summary>The handshake finished. Plaintext queued during the handshake goes out first, ahead of anything written from here on.</summary>
    /// <param name="session">What was negotiated.</param>
    void HandshakeCompleted(TlsSessionInfo session);

    /// <summary>Decrypted application data. The span is only valid during the call.</summary>
    /// <param name="plaintext">The data, in order.</param>
    void PlaintextReceived(ReadOnlySpan<byte> plaintext);

    /// <summary>
    /// The peer sent close_notify: it will send nothing more. The engine can still send (a half-close)
    /// until <see cref="TlsEngine.Shutdown"/> is called.
    /// </summary>
    void CloseNotifyReceived();

    /// <summary>The engine failed and will do nothing more. Called at most once.</summary>
    /// <param name="failure">What went wrong.</param>
    void Failed(TlsFailure failure);

    /// <summary>
    /// Runs <paramref name="action"/> later on the engine's thread (the reactor's <c>CallFromThread</c>).
    /// The engine uses it only when .NET resumes its work on another thread, so that engine state is never
    /// touched from two threads. Must be safe to call from any thread.
    /// </summary>
    /// <param name="action">The work to run on the engine's thread.</param>
    void Post(Action action);
}
