using System.Text;

namespace NetScope.Cli.Streams;

/// <summary>
/// Where a verb writes bytes it received: the process's stdout as a raw stream when the verb
/// writes to the console, or, in tests that capture a <see cref="TextWriter"/>, that writer
/// (bytes decoded as UTF-8).
/// </summary>
internal sealed class ByteOutput
{
    private readonly Stream? _stream;
    private readonly TextWriter _writer;
    private readonly Decoder _decoder = Encoding.UTF8.GetDecoder();
    private char[] _chars = new char[1024];

    public ByteOutput(TextWriter writer)
    {
        _writer = writer;
        if (ReferenceEquals(writer, Console.Out))
        {
            _stream = Console.OpenStandardOutput();
        }
    }

    /// <summary>Writes <paramref name="bytes"/> exactly.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Write(bytes);
            return;
        }

        var needed = _decoder.GetCharCount(bytes, flush: false);
        if (needed > _chars.Length)
        {
            _chars = new char[needed];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        _writer.Write(_chars, 0, count);
    }

    /// <summary>Writes a line of text.</summary>
    public void WriteLine(string text)
    {
        if (_stream is not null)
        {
            _stream.Write(Encoding.UTF8.GetBytes(text + "\n"));
            return;
        }

        _writer.WriteLine(text);
    }

    /// <summary>Pushes out what is buffered.</summary>
    public void Flush()
    {
        if (_stream is not null)
        {
            _stream.Flush();
        }
        else
        {
            _writer.Flush();
        }
    }
}
