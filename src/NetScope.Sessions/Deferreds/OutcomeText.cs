using System.Globalization;
using System.Text;
using NetScope.Core.Defer;

namespace NetScope.Sessions.Deferreds;

/// <summary>One-line summaries of the values that travel down chains, for views and traces.</summary>
public static class OutcomeText
{
    /// <summary>The longest summary; longer ones end in "...".</summary>
    public const int MaxLength = 60;

    /// <summary>
    /// Summarizes <paramref name="value"/>: strings quoted with escapes, failures as
    /// "ExceptionType: message", objects by their <c>ToString</c> or, when that is the default,
    /// their short type name.
    /// </summary>
    public static string Describe(object? value)
    {
        var text = value switch
        {
            null => "null",
            string s => Formatting.Escapes.Quote(s.Length > MaxLength ? s[..MaxLength] : s),
            Failure f => DescribeFailure(f),
            byte[] bytes => string.Create(CultureInfo.InvariantCulture, $"byte[{bytes.Length}]"),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => DescribeObject(value),
        };
        return OneLine(text);
    }

    /// <summary>"ExceptionType: message" on one line.</summary>
    public static string DescribeFailure(Failure failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return OneLine($"{failure.Value.GetType().Name}: {failure.Value.Message}");
    }

    private static string DescribeObject(object value)
    {
        var type = value.GetType();
        var text = value.ToString();
        if (string.IsNullOrEmpty(text) || text == type.FullName || text == type.ToString())
        {
            var name = type.Name;
            var tick = name.IndexOf('`', StringComparison.Ordinal);
            return tick > 0 ? name[..tick] : name;
        }

        return text;
    }

    /// <summary>Whitespace runs become one space; longer than <see cref="MaxLength"/> ends in "...".</summary>
    internal static string OneLine(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 3));
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
            if (builder.Length >= MaxLength)
            {
                return builder.Append("...").ToString();
            }
        }

        return builder.ToString();
    }
}
