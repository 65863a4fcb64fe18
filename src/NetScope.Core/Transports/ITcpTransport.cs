namespace NetScope.Core.Transports;

/// <summary>A TCP connection (Twisted's <c>ITCPTransport</c>).</summary>
public interface ITcpTransport : ITransport
{
    /// <summary>
    /// Half-closes: sends FIN after everything written so far, while still receiving. A
    /// protocol implementing <c>IHalfCloseableProtocol</c> then gets <c>WriteConnectionLost</c>.
    /// </summary>
    void LoseWriteConnection();

    /// <summary>Whether Nagle's algorithm is disabled (TCP_NODELAY).</summary>
    bool NoDelay { get; set; }

    /// <summary>Whether TCP keep-alive probes are enabled (SO_KEEPALIVE).</summary>
    bool KeepAlive { get; set; }

    /// <summary>The kernel's view of the connection (Linux TCP_INFO), or <see langword="null"/> where unavailable.</summary>
    TcpKernelInfo? GetKernelInfo();
}
