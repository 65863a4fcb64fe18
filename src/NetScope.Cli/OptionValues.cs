using System.CommandLine.Parsing;
using System.Globalization;

namespace NetScope.Cli;

/// <summary>
/// Parsers for numeric option values that fail with our own one-line message
/// (<c>--timeout 'abc': expected a number of seconds</c>, <c>--port 99999999999: out of range (0-65535)</c>) instead of the parser's, which names .NET
/// types (<c>expected type 'System.Nullable`1[System.Int32]'</c>). Assign them to an option's <c>CustomParser</c>.
/// </summary>
internal static class OptionValues
{
    /// <summary>A number of seconds (a decimal number; range checks are the command's).</summary>
    public static double Seconds(ArgumentResult result) =>
        double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && double.IsFinite(seconds)
            ? seconds
            : Reject<double>(result, $"{Name(result)} '{CliErrors.EscapeControls(Token(result))}': expected a number of seconds");

    /// <summary>
    /// A TCP port: any whole number passes (the command says when it is out of range, naming the range); a
    /// number too large for one is out of range here, and anything else is not a port.
    /// </summary>
    public static int Port(ArgumentResult result)
    {
        var token = Token(result);
        if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var port))
        {
            return port;
        }

        return IsWholeNumber(token)
            ? Reject<int>(result, $"{Name(result)} {token}: out of range (0-65535)")
            : Reject<int>(result, $"{Name(result)} '{CliErrors.EscapeControls(token)}': expected a port number (0-65535)");
    }

    /// <summary>A whole number (the command checks its range).</summary>
    public static int Count(ArgumentResult result) =>
        int.TryParse(Token(result), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count)
            ? count
            : Reject<int>(result, $"{Name(result)} '{CliErrors.EscapeControls(Token(result))}': expected a whole number");

    /// <summary>A whole number, for an option whose absence means "not given".</summary>
    public static int? OptionalCount(ArgumentResult result) => Count(result);

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static string Name(ArgumentResult result) => result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;

    private static bool IsWholeNumber(string token)
    {
        var digits = token.StartsWith('-') ? token[1..] : token;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }

    private static T Reject<T>(ArgumentResult result, string message)
        where T : struct
    {
        result.AddError(message);
        return default;
    }
}
