using System.CommandLine.Parsing;
using System.Globalization;

namespace NetScope.Cli;

/// <summary>
/// Parsers for numeric option values that fail with our own one-line message
/// (<c>--timeout 'abc': expected a number of seconds</c>) instead of the parser's, which names .NET
/// types (<c>expected type 'System.Double'</c>). Assign them to an option's <c>CustomParser</c>.
/// </summary>
internal static class OptionValues
{
    /// <summary>A number of seconds (a decimal number; range checks are the command's).</summary>
    public static double Seconds(ArgumentResult result) =>
        double.TryParse(Token(result), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : Reject<double>(result, "expected a number of seconds");

    /// <summary>A TCP port, 0 to 65535 (0: any free port).</summary>
    public static int Port(ArgumentResult result) =>
        int.TryParse(Token(result), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
            ? port
            : Reject<int>(result, "expected a port number from 0 to 65535");

    /// <summary>A count, 0 or more.</summary>
    public static int Count(ArgumentResult result) =>
        int.TryParse(Token(result), NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : Reject<int>(result, "expected a whole number, 0 or more");

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";

    private static T Reject<T>(ArgumentResult result, string expected)
        where T : struct
    {
        var name = result.Parent is OptionResult option ? option.Option.Name : result.Argument.Name;
        result.AddError($"{name} '{CliErrors.EscapeControls(Token(result))}': {expected}");
        return default;
    }
}
