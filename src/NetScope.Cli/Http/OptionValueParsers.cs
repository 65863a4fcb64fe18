using System.CommandLine.Parsing;
using System.Globalization;

namespace NetScope.Cli.Http;

/// <summary>
/// Parsers for numeric options that fail with our own one-line message (<c>--max-time abc: expected a number of
/// seconds</c>) instead of System.CommandLine's <c>expected type 'System.Nullable`1[System.Int32]'</c>.
/// </summary>
internal static class OptionValueParsers
{
    /// <summary>A whole number, for an option whose absence means "not given".</summary>
    public static int? OptionalInteger(ArgumentResult result) => Integer(result);

    /// <summary>A whole number.</summary>
    public static int Integer(ArgumentResult result)
    {
        var text = Text(result);
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} {text}: expected a whole number");
        return 0;
    }

    /// <summary>A number of seconds, fractions allowed (<c>2.5</c>).</summary>
    public static double Seconds(ArgumentResult result)
    {
        var text = Text(result);
        if (double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{OptionName(result)} {text}: expected a number of seconds");
        return 0;
    }

    private static string Text(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : string.Empty;

    private static string OptionName(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
}
