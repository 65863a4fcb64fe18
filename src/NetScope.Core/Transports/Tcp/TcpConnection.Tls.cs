using NetScope.Core.Tls;
using NetScope.Core.Tls.Layer;

namespace NetScope.Core.Transports.Tcp;

/// <content>
/// The protocol-facing commands and STARTTLS. Until TLS starts each command goes straight to its raw
/// implementation; afterwards the commands that carry or end data go through the TLS layer, which reaches
/// the socket through <see cref="TcpRawTransport"/>. The plaintext path pays one field test per call.
/// </content>
internal sealed partial class TcpConnection : ITlsUpgradable
{
    private TlsConnection? _tls;
    private TcpRawTransport? _raw;

    /// <inheritdoc/>
    public ITlsTransport? Tls => _tls;

    /// <inheritdoc/>
    public void Write(ReadOnlySpan<byte> data)
    {
        if (_tls is { } tls)
        {
            tls.Write(data);
            return;
        }

        WriteRaw(data);
    }

    /// <inheritdoc/>
    public void WriteSequence(IReadOnlyList<ReadOnlyMemory<byte>> data)
    {
        if (_tls is { } tls)
        {
            tls.WriteSequence(data);
            return;
        }

        WriteSequenceRaw(data);
    }

    /// <inheritdoc/>
    public void RegisterProducer(IProducer producer, bool streaming)
    {
        if (_tls is { } tls)
        {
            tls.RegisterProducer(producer, streaming);
            return;
        }

        RegisterProducerRaw(producer, streaming);
    }

    /// <inheritdoc/>
    public void UnregisterProducer()
    {
        if (_tls is { } tls)
        {
            tls.UnregisterProducer();
            return;
        }

        UnregisterProducerRaw();
    }

    /// <inheritdoc/>
    public void LoseConnection()
    {
        if (_tls is { } tls)
        {
            tls.LoseConnection();
            return;
        }

        LoseConnectionRaw();
    }

    /// <inheritdoc/>
    public void LoseWriteConnection()
    {
        if (_tls is { } tls)
        {
            tls.LoseWriteConnection();
            return;
        }

        LoseWriteConnectionRaw();
    }

    /// <inheritdoc/>
    public void PauseProducing()
    {
        if (_tls is { } tls)
        {
            tls.PauseProducing();
            return;
        }

        PauseProducingRaw();
    }

    /// <inheritdoc/>
    public void ResumeProducing()
    {
        if (_tls is { } tls)
        {
            tls.ResumeProducing();
            return;
        }

        ResumeProducingRaw();
    }

    /// <inheritdoc/>
    public void StopProducing() => LoseConnection();

    /// <inheritdoc/>
    public ITlsTransport StartTls(TlsClientOptions options, TlsLayerOptions? layer = null) =>
        Upgrade(TlsConnection.CreateClient(_reactor, options, layer, _protocol));

    /// <inheritdoc/>
    public ITlsTransport StartTls(TlsServerOptions options, TlsLayerOptions? layer = null) =>
        Upgrade(TlsConnection.CreateServer(_reactor, options, layer, _protocol));

    /// <summary>
    /// A TLS layer built by a wrapping factory became this connection's protocol: route the protocol-facing
    /// commands through it (so the reactor's shutdown sends close_notify) and give it the raw socket.
    /// </summary>
    internal ITransport AttachTls(TlsConnection tls)
    {
        if (_tls is not null)
        {
            throw new InvalidOperationException("TLS is already running on this connection.");
        }

        _tls = tls;
        return _raw ??= new TcpRawTransport(this);
    }

    private TlsConnection Upgrade(TlsConnection tls)
    {
        if (_tls is not null)
        {
            throw new InvalidOperationException("TLS was already started on this connection.");
        }

        if (_disconnected || _disconnecting || _writeDisconnecting || _writeShutDown || _readShutDown)
        {
            throw new InvalidOperationException("The connection is closing; TLS cannot start on it.");
        }

        // A producer registered in plaintext keeps producing, now through TLS; a protocol that had paused
        // reading stays paused for plaintext, but the socket must read for the handshake to proceed.
        var producer = _producer;
        var streaming = _streamingProducer;
        if (producer is not null)
        {
            UnregisterProducerRaw();
        }

        var readingPaused = Stats.ReadingPaused;
        if (readingPaused)
        {
            ResumeProducingRaw();
        }

        _tls = tls;
        _protocol = tls;
        tls.BeginUpgrade(_raw ??= new TcpRawTransport(this));
        if (readingPaused)
        {
            tls.PauseProducing();
        }

        if (producer is not null)
        {
            tls.RegisterProducer(producer, streaming);
        }

        return tls;
    }
}
