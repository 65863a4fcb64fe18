namespace NetScope.Core.Tls;

/// <summary>What <see cref="TlsBio"/> needs from its engine; an interface so the BIO can be tested alone.</summary>
internal interface ITlsBioOwner
{
    /// <summary>True on the thread that drives the engine.</summary>
    bool IsOnEngineThread { get; }

    /// <summary>Ciphertext SslStream produced; called on the engine's thread only.</summary>
    void CiphertextOut(ReadOnlySpan<byte> ciphertext);

    /// <summary>Asks for pending reads to be served later on the engine's thread.</summary>
    void PostPump();

    /// <summary>Runs an action later on the engine's thread.</summary>
    void Post(Action action);
}
