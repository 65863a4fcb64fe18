namespace NetScope.Web.Http.Parsing;

/// <summary>Collects the field lines of one section in a reused array, then copies them out at their exact count.</summary>
internal sealed class HeaderListBuilder
{
    private HttpHeader[] _scratch = new HttpHeader[16];

    public int Count { get; private set; }

    public HttpHeader this[int index] => _scratch[index];

    public void Add(string name, string value)
    {
        if (Count == _scratch.Length)
        {
            Array.Resize(ref _scratch, Count * 2);
        }

        _scratch[Count++] = new HttpHeader(name, value);
    }

    public void Clear() => Count = 0;

    /// <summary>A new <see cref="HttpHeaders"/> holding exactly the collected lines.</summary>
    public HttpHeaders ToHeaders()
    {
        var entries = Count == 0 ? [] : _scratch.AsSpan(0, Count).ToArray();
        return new HttpHeaders(entries, entries.Length);
    }
}
