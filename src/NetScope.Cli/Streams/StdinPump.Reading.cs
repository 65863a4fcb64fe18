using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <content>
/// The reading thread: raw chunks as they are read, or lines (split on LF, a CR before it dropped,
/// the chosen line ending appended). Lines are bytes, never decoded: what is typed or piped in goes
/// out unchanged, valid UTF-8 or not.
/// </content>
internal sealed partial class StdinPump
{
    /// <summary>The longest line held whole; a longer one is sent in pieces as it is read (its line ending last).</summary>
    public const int MaxHeldLineBytes = 64 * 1024;

    private static ReadOnlySpan<byte> StartTlsLine => "/starttls"u8;

    private void ReadAll(Stream input, StreamMode mode, byte[] lineEnding)
    {
        try
        {
            if (mode == StreamMode.Line)
            {
                ReadLines(input, lineEnding);
            }
            else
            {
                ReadChunks(input);
            }
        }
        catch (IOException)
        {
            // A broken stdin is the end of the input.
        }

        HandOver(Item.Of(ItemKind.End));
    }

    private void ReadChunks(Stream input)
    {
        var buffer = new byte[ReadBytes];
        int count;
        while (!_stopped && (count = input.Read(buffer)) > 0)
        {
            if (!HandOver(Item.Of(buffer.AsSpan(0, count).ToArray())))
            {
                return;
            }
        }
    }

    private void ReadLines(Stream input, byte[] lineEnding)
    {
        var buffer = new byte[ReadBytes];
        var line = new MemoryStream();
        var lineSpilled = false;
        var output = new MemoryStream();
        int count;
        while (!_stopped && (count = input.Read(buffer)) > 0)
        {
            var data = buffer.AsSpan(0, count);
            int newline;
            while ((newline = data.IndexOf((byte)'\n')) >= 0)
            {
                line.Write(data[..newline]);
                data = data[(newline + 1)..];
                if (!EndLine(line, lineSpilled, lineEnding, output))
                {
                    return;
                }

                lineSpilled = false;
            }

            line.Write(data);
            if (line.Length > MaxHeldLineBytes)
            {
                // Send what is held of a very long line; a CR stays behind in case an LF follows it.
                var held = line.GetBuffer().AsSpan(0, (int)line.Length);
                var keep = held[^1] == (byte)'\r' ? 1 : 0;
                output.Write(held[..^keep]);
                line.SetLength(0);
                line.Write(held[^keep..]);
                lineSpilled = true;
            }

            if (!Flush(output))
            {
                return;
            }
        }

        if (line.Length > 0 || lineSpilled)
        {
            // The last line had no line ending: it still is a line.
            if (EndLine(line, lineSpilled, lineEnding, output))
            {
                Flush(output);
            }
        }
    }

    /// <summary>
    /// Adds the complete line held in <paramref name="line"/> (without its LF) to <paramref name="output"/>,
    /// or hands over the STARTTLS command it is; false once the pump has stopped.
    /// </summary>
    private bool EndLine(MemoryStream line, bool lineSpilled, byte[] lineEnding, MemoryStream output)
    {
        var text = line.GetBuffer().AsSpan(0, (int)line.Length);
        if (!text.IsEmpty && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        var isStartTls = _startTls is not null && !lineSpilled && text.SequenceEqual(StartTlsLine);
        if (!isStartTls)
        {
            output.Write(text);
            output.Write(lineEnding);
        }

        line.SetLength(0);
        if (isStartTls)
        {
            // The lines before it go first, then the upgrade: the order typed is the order done.
            return Flush(output) && HandOver(Item.Of(ItemKind.StartTls));
        }

        return output.Length < ReadBytes || Flush(output);
    }

    private bool Flush(MemoryStream output)
    {
        if (output.Length == 0)
        {
            return true;
        }

        var chunk = output.ToArray();
        output.SetLength(0);
        return HandOver(Item.Of(chunk));
    }
}
