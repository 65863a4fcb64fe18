namespace NetScope.Core.Protocols.Basic;

/// <summary>
/// The delimiter of a line protocol and the search for it in a <see cref="ReceiveBuffer"/>
/// (shared by <see cref="LineReceiver"/> and <see cref="LineOnlyReceiver"/>). A search that finds
/// nothing remembers how far it got, so the bytes of a long partial line are searched once, not
/// again with every read that extends it.
/// </summary>
internal sealed class LineDelimiter
{
    private static readonly byte[] CrLf = "\r\n"u8.ToArray();

    private byte[] _bytes = CrLf;

    /// <summary>Bytes at the front of the buffer known not to start a delimiter (searched before).</summary>
    private int _searchFrom;

    /// <summary>The delimiter; CR LF until set.</summary>
    /// <exception cref="ArgumentException">The delimiter is empty.</exception>
    public ReadOnlyMemory<byte> Value
    {
        get => _bytes;
        set
        {
            if (value.IsEmpty)
            {
                throw new ArgumentException("A line delimiter cannot be empty.", nameof(value));
            }

            _bytes = value.ToArray();
            _searchFrom = 0;
        }
    }

    /// <summary>The delimiter's bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <summary>Where the first delimiter starts in the unparsed input, or -1.</summary>
    /// <remarks>The remembered search position is used and dropped: call <see cref="KeepPartialLine"/> to remember it again.</remarks>
    public int Find(ReceiveBuffer buffer)
    {
        var index = buffer.IndexOf(_bytes, _searchFrom);
        _searchFrom = 0;
        return index;
    }

    /// <summary>
    /// After <see cref="Find"/> found nothing: buffers the partial line and remembers that only its
    /// last bytes (a delimiter's length less one) may start a delimiter.
    /// </summary>
    public void KeepPartialLine(ReceiveBuffer buffer)
    {
        buffer.MaterializePending();
        _searchFrom = Math.Max(0, buffer.BufferedLength - _bytes.Length + 1);
    }

    /// <summary>Forgets the search position (the buffer was emptied or will be taken whole).</summary>
    public void Forget() => _searchFrom = 0;
}
