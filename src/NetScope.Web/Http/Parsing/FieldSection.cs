using System.Text;

namespace NetScope.Web.Http.Parsing;

/// <summary>Parses the field lines of a complete header or trailer section.</summary>
internal static class FieldSection
{
    /// <summary>Reads field lines up to the empty line that ends the section.</summary>
    /// <param name="reader">Positioned after the start line (or at the start of a trailer section).</param>
    /// <param name="requireCrLf">Whether a line ended by a lone LF is an error.</param>
    /// <param name="maxCount">The most field lines accepted.</param>
    /// <param name="cache">Reuses strings of the previous message; <see langword="null"/> allocates every string.</param>
    /// <param name="headers">Receives the lines.</param>
    /// <param name="fields">Receives what the framing fields say.</param>
    /// <param name="hostIndex">The position of the first Host line in <paramref name="headers"/>, or -1.</param>
    /// <param name="error">Why the section was refused.</param>
    /// <returns>Whether every line was valid.</returns>
    public static bool TryParse(
        ref LineReader reader,
        bool requireCrLf,
        int maxCount,
        FieldStringCache? cache,
        HeaderListBuilder headers,
        ref MessageFields fields,
        out int hostIndex,
        out HttpParseErrorKind error)
    {
        hostIndex = -1;
        while (reader.TryRead(out var line, out var endedWithCrLf))
        {
            if (requireCrLf && !endedWithCrLf)
            {
                error = HttpParseErrorKind.BareLineFeed;
                return false;
            }

            if (line.IsEmpty)
            {
                error = default;
                return true;
            }

            if (headers.Count == maxCount)
            {
                error = HttpParseErrorKind.TooManyHeaders;
                return false;
            }

            if (!FieldLine.TrySplit(line, out var nameBytes, out var valueBytes, out error))
            {
                return false;
            }

            var field = MessageFields.Classify(nameBytes);
            if (!fields.TryObserve(field, valueBytes, out error))
            {
                return false;
            }

            if (field == KnownField.Host && hostIndex < 0)
            {
                hostIndex = headers.Count;
            }

            var index = headers.Count;
            var name = cache?.GetName(nameBytes, index) ?? HttpHeaderNames.TryGetKnown(nameBytes) ?? Encoding.Latin1.GetString(nameBytes);
            var value = cache?.GetValue(valueBytes, index) ?? FieldStringCache.Reuse(null, valueBytes);
            headers.Add(name, value);
        }

        // The accumulator only hands out sections that end with an empty line.
        error = HttpParseErrorKind.IncompleteMessage;
        return false;
    }
}
