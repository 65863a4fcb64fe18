using System.Buffers.Text;
using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Internal;

/// <summary>Appends the pieces of a response head into a buffer that was sized for them in advance.</summary>
internal ref struct HeadBuilder
{
    private readonly Span<byte> _buffer;
    private int _position;

    public HeadBuilder(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    public readonly int Length => _position;

    public static int DigitCount(long value)
    {
        var digits = 1;
        while (value >= 10)
        {
            value /= 10;
            digits++;
        }

        return digits;
    }

    public static int FieldLength(string name, string value) => name.Length + value.Length + 4;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer[_position..]);
        _position += bytes.Length;
    }

    public void AppendLong(long value)
    {
        Utf8Formatter.TryFormat(value, _buffer[_position..], out var written);
        _position += written;
    }

    public void AppendField(string name, string value)
    {
        _position += Encoding.Latin1.GetBytes(name, _buffer[_position..]);
        _buffer[_position++] = (byte)':';
        _buffer[_position++] = (byte)' ';
        _position += Encoding.Latin1.GetBytes(value, _buffer[_position..]);
        _buffer[_position++] = (byte)'\r';
        _buffer[_position++] = (byte)'\n';
    }

    public void AppendFields(HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            AppendField(header.Name, header.Value);
        }
    }
}
