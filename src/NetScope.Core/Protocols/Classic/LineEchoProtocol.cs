using NetScope.Core.Protocols.Basic;

namespace NetScope.Core.Protocols.Classic;

/// <summary>
/// The Echo protocol in line mode: each line is written back once its LF has arrived, exactly
/// as it was sent (a CR before the LF stays in the echo), as one write. A partial line is
/// held until its end arrives and is dropped if the connection closes first; a line longer
/// than <see cref="LineReceiver.MaxLength"/> drops the connection.
/// </summary>
public class LineEchoProtocol : LineReceiver
{
    private static readonly byte[] Lf = "\n"u8.ToArray();

    /// <summary>Creates the protocol with LF as its delimiter.</summary>
    public LineEchoProtocol()
    {
        Delimiter = Lf;
    }

    /// <summary>Lines echoed so far.</summary>
    public long LinesEchoed { get; private set; }

    /// <summary>Writes <paramref name="line"/> and its LF back.</summary>
    protected override void LineReceived(ReadOnlySpan<byte> line)
    {
        LinesEchoed++;
        SendLine(line);
    }
}
