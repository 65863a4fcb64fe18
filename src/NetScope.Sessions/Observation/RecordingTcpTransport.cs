using NetScope.Core.Transports;
using NetScope.Sessions.Transcripts;

namespace NetScope.Sessions.Observation;

/// <summary>A <see cref="RecordingTransport"/> over TCP, so the protocol can still half-close and read TCP_INFO.</summary>
internal sealed class RecordingTcpTransport : RecordingTransport, ITcpTransport
{
    private readonly ITcpTransport _tcp;

    public RecordingTcpTransport(ITcpTransport inner, Transcript transcript)
        : base(inner, transcript)
    {
        _tcp = inner;
    }

    /// <inheritdoc/>
    public bool NoDelay
    {
        get => _tcp.NoDelay;
        set => _tcp.NoDelay = value;
    }

    /// <inheritdoc/>
    public bool KeepAlive
    {
        get => _tcp.KeepAlive;
        set => _tcp.KeepAlive = value;
    }

    /// <inheritdoc/>
    public void LoseWriteConnection() => _tcp.LoseWriteConnection();

    /// <inheritdoc/>
    public TcpKernelInfo? GetKernelInfo() => _tcp.GetKernelInfo();
}
