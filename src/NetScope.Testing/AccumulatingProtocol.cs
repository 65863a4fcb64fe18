using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;

namespace NetScope.Testing;

/// <summary>
/// A protocol that keeps everything it is told (Twisted's <c>AccumulatingProtocol</c>): whether
/// it was connected, every byte received, and why the connection ended.
/// </summary>
public class AccumulatingProtocol : Protocol
{
    private readonly List<byte> _data = [];

    /// <summary><see langword="true"/> once <c>ConnectionMade</c> has run.</summary>
    public bool Made { get; private set; }

    /// <summary><see langword="true"/> once <c>ConnectionLost</c> has run.</summary>
    public bool Closed { get; private set; }

    /// <summary>Why the connection ended, once it has.</summary>
    public Failure? ClosedReason { get; private set; }

    /// <summary>Fires (with <see langword="null"/>; read <see cref="ClosedReason"/>) when the connection ends. Set it before that.</summary>
    public Deferred? ClosedDeferred { get; set; }

    /// <summary>Everything received so far.</summary>
    public byte[] Data => [.. _data];

    /// <summary>Everything received so far, decoded as UTF-8.</summary>
    public string DataString => Encoding.UTF8.GetString(Data);

    /// <summary>How many <c>DataReceived</c> calls there were.</summary>
    public int Chunks { get; private set; }

    /// <inheritdoc/>
    public override void ConnectionMade() => Made = true;

    /// <inheritdoc/>
    public override void DataReceived(ReadOnlySpan<byte> data)
    {
        _data.AddRange(data);
        Chunks++;
    }

    /// <inheritdoc/>
    public override void ConnectionLost(Failure reason)
    {
        Closed = true;
        ClosedReason = reason;
        var deferred = ClosedDeferred;
        ClosedDeferred = null;
        deferred?.Callback(null);
    }
}
