using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// The Character Generator protocol (RFC 864, Twisted's <c>Chargen</c>): on connection, sends
/// the RFC's rotating 72-character line pattern (see the RFC's example) until the client
/// leaves; anything received is thrown away.
/// </summary>
/// <remarks>
/// It is a pull producer: it registers itself with the transport (not streaming) and writes
/// one chunk of <see cref="LinesPerChunk"/> lines each time the transport asks, which a
/// transport does only when its write buffer has drained. So it can neither flood the write
/// buffer nor hog the reactor loop, however fast the peer reads. (A push producer would need
/// a timer to avoid starving the loop when the kernel never pushes back.) When the connection
/// goes, the transport stops it.
/// </remarks>
public class ChargenProtocol : Protocol, IPullProducer
{
    /// <summary>The default <see cref="LinesPerChunk"/>: eight cycles of the pattern, 56,240 bytes.</summary>
    public const int DefaultLinesPerChunk = 8 * ChargenPattern.RingSize;

    private int _nextLine;

    /// <summary>Creates the protocol, writing <paramref name="linesPerChunk"/> lines each time it is asked.</summary>
    public ChargenProtocol(int linesPerChunk = DefaultLinesPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(linesPerChunk, 1);
        LinesPerChunk = linesPerChunk;
    }

    /// <summary>Lines written each time the transport asks for more.</summary>
    public int LinesPerChunk { get; }

    /// <summary>Lines written so far.</summary>
    public long LinesSent { get; private set; }

    /// <summary><see langword="true"/> once the transport has stopped the producer or the connection is gone.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Registers with the transport as a pull producer; the transport asks for the first chunk.</summary>
    public override void ConnectionMade() => Transport.RegisterProducer(this, streaming: false);

    /// <summary>Discards what the client sends (RFC 864).</summary>
    public override void DataReceived(ReadOnlySpan<byte> data)
    {
    }

    /// <summary>Writes the next <see cref="LinesPerChunk"/> lines of the pattern.</summary>
    public void ResumeProducing()
    {
        var remaining = LinesPerChunk;
        while (remaining > 0 && !Stopped)
        {
            // Never more than one cycle per slice: the pattern holds two cycles back to back.
            var count = Math.Min(remaining, ChargenPattern.RingSize);
            Transport.Write(ChargenPattern.Lines(_nextLine, count));
            _nextLine = (_nextLine + count) % ChargenPattern.RingSize;
            LinesSent += count;
            remaining -= count;
        }
    }

    /// <summary>Stops writing for good.</summary>
    public void StopProducing() => Stopped = true;

    /// <inheritdoc/>
    public override void ConnectionLost(Failure reason) => Stopped = true;
}
