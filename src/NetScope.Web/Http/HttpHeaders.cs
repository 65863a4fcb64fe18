using System.Collections;
using System.Text;

namespace NetScope.Web.Http;

/// <summary>
/// A header or trailer section: field lines in order, names in their original case, looked up
/// case-insensitively, with several lines allowed per name.
/// </summary>
/// <remarks>
/// Lookups scan the lines in order, which for the ten or twenty fields of a real message is faster than
/// hashing and allocates nothing. <see cref="Add"/> and <see cref="Set"/> validate names and values, so
/// whatever a serializer writes from an instance cannot break the message framing.
/// </remarks>
public sealed class HttpHeaders : IReadOnlyList<HttpHeader>
{
    private HttpHeader[] _entries;
    private int _count;

    /// <summary>Creates an empty section.</summary>
    public HttpHeaders()
    {
        _entries = [];
    }

    /// <summary>Wraps lines the parser has already validated; the array is owned from now on.</summary>
    internal HttpHeaders(HttpHeader[] entries, int count)
    {
        _entries = entries;
        _count = count;
    }

    /// <summary>The number of field lines.</summary>
    public int Count => _count;

    /// <summary>The field line at <paramref name="index"/>, in message order.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <returns>The line.</returns>
    public HttpHeader this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _entries[index];
        }
    }

    /// <summary>The value of the first line named <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The first value, or <see langword="null"/> when no line has that name.</returns>
    public string? Get(string name)
    {
        var index = IndexOf(name, 0);
        return index < 0 ? null : _entries[index].Value;
    }

    /// <summary>The values of every line named <paramref name="name"/>, in order.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The values; an empty array when there is none.</returns>
    public string[] GetAll(string name)
    {
        var first = IndexOf(name, 0);
        if (first < 0)
        {
            return [];
        }

        var values = new List<string>();
        for (var i = first; i >= 0; i = IndexOf(name, i + 1))
        {
            values.Add(_entries[i].Value);
        }

        return [.. values];
    }

    /// <summary>Whether at least one line is named <paramref name="name"/>.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => IndexOf(name, 0) >= 0;

    /// <summary>Appends a field line.</summary>
    /// <param name="name">A token.</param>
    /// <param name="value">A field value (see <see cref="HttpSyntax.IsValidFieldValue(ReadOnlySpan{char})"/>).</param>
    /// <exception cref="ArgumentException">The name is not a token or the value holds a forbidden character.</exception>
    public void Add(string name, string value)
    {
        Validate(name, value);
        AddUnchecked(name, value);
    }

    /// <summary>Replaces every line named <paramref name="name"/> by one line, kept at the place of the first.</summary>
    /// <param name="name">A token.</param>
    /// <param name="value">A field value.</param>
    /// <exception cref="ArgumentException">The name is not a token or the value holds a forbidden character.</exception>
    public void Set(string name, string value)
    {
        Validate(name, value);
        var first = IndexOf(name, 0);
        if (first < 0)
        {
            AddUnchecked(name, value);
            return;
        }

        _entries[first] = new HttpHeader(name, value);
        RemoveFrom(name, first + 1);
    }

    /// <summary>Removes every line named <paramref name="name"/>.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>Whether a line was removed.</returns>
    public bool Remove(string name) => RemoveFrom(name, 0) > 0;

    /// <summary>Removes every line.</summary>
    public void Clear()
    {
        Array.Clear(_entries, 0, _count);
        _count = 0;
    }

    /// <summary>
    /// Whether the comma-separated lists in the lines named <paramref name="name"/> hold
    /// <paramref name="token"/>, compared case-insensitively (for Connection, Upgrade, Transfer-Encoding...).
    /// </summary>
    /// <param name="name">The field name, in any case.</param>
    /// <param name="token">The list element to look for, for example "close".</param>
    /// <returns><see langword="true"/> when one element equals the token.</returns>
    public bool ContainsToken(string name, string token)
    {
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            var value = _entries[i].Value.AsSpan();
            foreach (var range in value.Split(','))
            {
                if (value[range].Trim(" \t").Equals(token, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The elements of the comma-separated lists in every line named <paramref name="name"/>, in order.</summary>
    /// <param name="name">The field name, in any case.</param>
    /// <returns>The trimmed, non-empty elements.</returns>
    public string[] GetTokens(string name)
    {
        var tokens = new List<string>();
        for (var i = IndexOf(name, 0); i >= 0; i = IndexOf(name, i + 1))
        {
            var value = _entries[i].Value.AsSpan();
            foreach (var range in value.Split(','))
            {
                var element = value[range].Trim(" \t");
                if (!element.IsEmpty)
                {
                    tokens.Add(element.ToString());
                }
            }
        }

        return [.. tokens];
    }

    /// <summary>Enumerates the lines in order without allocating.</summary>
    /// <returns>A struct enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<HttpHeader> IEnumerable<HttpHeader>.GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _entries[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable<HttpHeader>)this).GetEnumerator();

    /// <summary>The lines as they are sent, each ended by CRLF.</summary>
    /// <returns>The section without its final empty line.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var header in this)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
        }

        return text.ToString();
    }

    internal void AddUnchecked(string name, string value)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, Math.Max(4, _count * 2));
        }

        _entries[_count++] = new HttpHeader(name, value);
    }

    internal int IndexOf(string name, int start)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = start; i < _count; i++)
        {
            var candidate = _entries[i].Name;

            // The parser hands out interned names, so most successful lookups end at the reference check.
            if (ReferenceEquals(candidate, name) || string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private int RemoveFrom(string name, int start)
    {
        var write = start;
        var removed = 0;
        for (var read = start; read < _count; read++)
        {
            if (string.Equals(_entries[read].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                removed++;
                continue;
            }

            _entries[write++] = _entries[read];
        }

        Array.Clear(_entries, write, _count - write);
        _count = write;
        return removed;
    }

    private static void Validate(string name, string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (!HttpSyntax.IsValidFieldName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid field name (a non-empty token).", nameof(name));
        }

        if (!HttpSyntax.IsValidFieldValue(value))
        {
            throw new ArgumentException(
                $"The value of '{name}' holds a control character, a character above U+00FF, or surrounding whitespace.",
                nameof(value));
        }
    }

    /// <summary>Enumerates the lines of an <see cref="HttpHeaders"/> in order.</summary>
    public struct Enumerator
    {
        private readonly HttpHeaders _headers;
        private int _index;

        internal Enumerator(HttpHeaders headers)
        {
            _headers = headers;
            _index = -1;
        }

        /// <summary>The current line.</summary>
        public readonly HttpHeader Current => _headers._entries[_index];

        /// <summary>Moves to the next line.</summary>
        /// <returns>Whether there was one.</returns>
        public bool MoveNext() => ++_index < _headers._count;
    }
}
