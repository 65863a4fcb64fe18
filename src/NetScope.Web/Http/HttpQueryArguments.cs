using System.Collections;
using NetScope.Web.Http.Parsing;

namespace NetScope.Web.Http;

/// <summary>
/// The arguments of a query string, like twisted.web's <c>request.args</c>: names in the order they first
/// appear, each with every value it was given, in order.
/// </summary>
public sealed class HttpQueryArguments : IReadOnlyCollection<KeyValuePair<string, IReadOnlyList<string>>>
{
    private readonly List<string> _names = [];
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private HttpQueryArguments()
    {
    }

    /// <summary>No arguments.</summary>
    public static HttpQueryArguments Empty { get; } = new();

    /// <summary>The number of distinct names.</summary>
    public int Count => _names.Count;

    /// <summary>The distinct names, in the order they first appear.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>The values given to <paramref name="name"/>, in order; empty when the name is absent.</summary>
    /// <param name="name">The decoded name (case-sensitive).</param>
    /// <returns>The values.</returns>
    public IReadOnlyList<string> this[string name] => _values.TryGetValue(name, out var values) ? values : [];

    /// <summary>
    /// Parses <c>a=1&amp;b=2&amp;a=3</c>: elements split on <c>&amp;</c>, empty elements skipped, a missing
    /// <c>=</c> meaning an empty value, <c>+</c> meaning a space, then percent-decoding into UTF-8
    /// (malformed escapes kept, invalid UTF-8 replaced by U+FFFD).
    /// </summary>
    /// <param name="query">The query without its <c>?</c>.</param>
    /// <returns>The arguments.</returns>
    public static HttpQueryArguments Parse(ReadOnlySpan<char> query)
    {
        if (query.IsEmpty)
        {
            return Empty;
        }

        var arguments = new HttpQueryArguments();
        foreach (var range in query.Split('&'))
        {
            var element = query[range];
            if (element.IsEmpty)
            {
                continue;
            }

            var equals = element.IndexOf('=');
            var name = PercentEncoding.Decode(equals < 0 ? element : element[..equals], plusIsSpace: true);
            var value = equals < 0 ? string.Empty : PercentEncoding.Decode(element[(equals + 1)..], plusIsSpace: true);
            if (!arguments._values.TryGetValue(name, out var values))
            {
                values = [];
                arguments._values.Add(name, values);
                arguments._names.Add(name);
            }

            values.Add(value);
        }

        return arguments;
    }

    /// <summary>Whether <paramref name="name"/> was given at least once.</summary>
    /// <param name="name">The decoded name.</param>
    /// <returns><see langword="true"/> when present.</returns>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The first value given to <paramref name="name"/>, or <see langword="null"/>.</summary>
    /// <param name="name">The decoded name.</param>
    /// <returns>The first value.</returns>
    public string? GetFirst(string name) => _values.TryGetValue(name, out var values) ? values[0] : null;

    /// <summary>Enumerates names with their values, in the order the names first appear.</summary>
    /// <returns>The pairs.</returns>
    public IEnumerator<KeyValuePair<string, IReadOnlyList<string>>> GetEnumerator()
    {
        foreach (var name in _names)
        {
            yield return new KeyValuePair<string, IReadOnlyList<string>>(name, _values[name]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
