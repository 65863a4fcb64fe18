using System.Text;

namespace NetScope.Web.Http.Parsing;

/// <summary>
/// Turns field bytes into strings, reusing the string of the previous message on the same connection when
/// the same bytes arrive at the same position (as Kestrel does). A client sends the same headers on every
/// keep-alive request, so after the first request a head costs no string allocation at all.
/// </summary>
internal sealed class FieldStringCache
{
    private string?[] _names = new string?[16];
    private string?[] _values = new string?[16];

    public string GetName(ReadOnlySpan<byte> bytes, int index)
    {
        EnsureCapacity(index);
        var previous = _names[index];
        if (previous is not null && previous.Length == bytes.Length && Ascii.Equals(bytes, previous))
        {
            return previous;
        }

        var name = HttpHeaderNames.TryGetKnown(bytes) ?? Encoding.Latin1.GetString(bytes);
        _names[index] = name;
        return name;
    }

    public string GetValue(ReadOnlySpan<byte> bytes, int index)
    {
        EnsureCapacity(index);
        var value = Reuse(_values[index], bytes);
        _values[index] = value;
        return value;
    }

    /// <summary>Returns <paramref name="previous"/> when it spells <paramref name="bytes"/>, else a new string.</summary>
    public static string Reuse(string? previous, ReadOnlySpan<byte> bytes)
    {
        if (previous is not null && previous.Length == bytes.Length && Ascii.Equals(bytes, previous))
        {
            return previous;
        }

        return bytes.IsEmpty ? string.Empty : Encoding.Latin1.GetString(bytes);
    }

    private void EnsureCapacity(int index)
    {
        if (index >= _names.Length)
        {
            var size = Math.Max(index + 1, _names.Length * 2);
            Array.Resize(ref _names, size);
            Array.Resize(ref _values, size);
        }
    }
}
