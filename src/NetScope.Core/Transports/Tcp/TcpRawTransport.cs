using System.Net;

namespace NetScope.Core.Transports.Tcp;

/// <summary>
/// A TCP connection as the TLS layer above it sees it: the socket itself, bypassing the routing that sends
/// the application's commands through TLS. Only the TLS layer holds one.
/// </summary>
internal sealed class TcpRawTransport : ITcpTransport
{
    private readonly TcpConnection _connection;

    public TcpRawTransport(TcpConnection connection) => _connection = connection;

    public TransportStats Stats => _connection.Stats;

    public bool NoDelay
    {
        get => _connection.NoDelay;
        set => _connection.NoDelay = value;
    }

    public bool KeepAlive
    {
        get => _connection.KeepAlive;
        set => _connection.KeepAlive = value;
    }

    public void Write(ReadOnlySpan<byte> data) => _connection.WriteRaw(data);

    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data) => _connection.WriteSequenceRaw(data);

    public void RegisterProducer(IProducer producer, bool streaming) => _connection.RegisterProducerRaw(producer, streaming);

    public void UnregisterProducer() => _connection.UnregisterProducerRaw();

    public void LoseConnection() => _connection.LoseConnectionRaw();

    public void LoseWriteConnection() => _connection.LoseWriteConnectionRaw();

    public void AbortConnection() => _connection.AbortConnection();

    public void PauseProducing() => _connection.PauseProducingRaw();

    public void ResumeProducing() => _connection.ResumeProducingRaw();

    public void StopProducing() => _connection.LoseConnectionRaw();

    public EndPoint GetPeer() => _connection.GetPeer();

    public EndPoint GetHost() => _connection.GetHost();

    public TcpKernelInfo? GetKernelInfo() => _connection.GetKernelInfo();

    public override string ToString() => _connection.ToString();
}
