namespace NetScope.Web.Http;

/// <summary>One field line: a name in its original case and its value without surrounding whitespace.</summary>
public readonly struct HttpHeader : IEquatable<HttpHeader>
{
    /// <summary>Creates a field line without validating it; <see cref="HttpHeaders.Add"/> validates.</summary>
    /// <param name="name">The field name.</param>
    /// <param name="value">The field value.</param>
    public HttpHeader(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The field name as received or added (compare it case-insensitively).</summary>
    public string Name { get; }

    /// <summary>The field value, without leading or trailing whitespace.</summary>
    public string Value { get; }

    /// <summary>Compares two field lines exactly (name case included).</summary>
    /// <param name="left">The first line.</param>
    /// <param name="right">The second line.</param>
    /// <returns>Whether names and values are ordinally equal.</returns>
    public static bool operator ==(HttpHeader left, HttpHeader right) => left.Equals(right);

    /// <summary>Compares two field lines exactly (name case included).</summary>
    /// <param name="left">The first line.</param>
    /// <param name="right">The second line.</param>
    /// <returns>Whether names or values differ.</returns>
    public static bool operator !=(HttpHeader left, HttpHeader right) => !left.Equals(right);

    /// <summary>Compares name and value ordinally.</summary>
    /// <param name="other">The other field line.</param>
    /// <returns>Whether both are equal.</returns>
    public bool Equals(HttpHeader other) =>
        string.Equals(Name, other.Name, StringComparison.Ordinal) && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is HttpHeader other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Name, Value);

    /// <summary>The field line as sent, without its CRLF.</summary>
    /// <returns><c>Name: value</c>.</returns>
    public override string ToString() => $"{Name}: {Value}";
}
