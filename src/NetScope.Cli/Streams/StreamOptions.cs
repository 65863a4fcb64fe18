using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetScope.Cli.Tls;
using NetScope.Sessions.Formatting;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <summary>
/// The options of the byte-stream verbs (<c>tcp</c>, <c>tls</c>): framing, line ending, the
/// scripted steps and how the session ends. One instance per command.
/// </summary>
internal sealed class StreamOptions
{
    private readonly bool _startTls;

    /// <summary>Creates the options; <paramref name="startTls"/> adds the <c>--starttls-after</c> step (plaintext verbs).</summary>
    public StreamOptions(bool startTls = false)
    {
        _startTls = startTls;
        HalfClose = new("--half-close")
        {
            // tcp starts in plaintext (and may upgrade); tls ends its sending in TLS first.
            Description = startTls
                ? "After the last send (or at the end of stdin), send FIN (after STARTTLS: TLS close_notify, then FIN) and keep reading until the peer closes"
                : "After the last send (or at the end of stdin), send TLS close_notify, then FIN, and keep reading until the peer closes",
        };
    }

    public Option<bool> Raw { get; } = new("--raw") { Description = "Show received bytes as they arrive instead of as lines" };

    public Option<bool> Hex { get; } = new("--hex") { Description = "Show a hex dump (offset, hex, ASCII) of what is sent (>) and received (<)" };

    public Option<string> Eol { get; } = new("--eol")
    {
        Description = "Line ending appended to each stdin line in line mode: crlf, lf, cr or none",
        DefaultValueFactory = _ => "crlf",
    };

    public Option<string[]> Send { get; } = new("--send")
    {
        Description = "Send TEXT (escapes: \\r \\n \\t \\0 \\xHH \\\\); steps run in command-line order",
        HelpName = "TEXT",
    };

    public Option<string[]> SendFile { get; } = new("--send-file")
    {
        Description = "Send the contents of FILE",
        HelpName = "FILE",
    };

    public Option<string[]> Expect { get; } = new("--expect")
    {
        Description = "Wait until what arrived matches REGEX (^ and $ match at line starts and ends; a match consumes through the end of its line, with --raw through its own end; fails with exit code 6 after --timeout)",
        HelpName = "REGEX",
    };

    public Option<string[]> StartTlsAfter { get; } = new("--starttls-after")
    {
        Description = "Once what arrived matches REGEX (as --expect; exit code 6 after --timeout), upgrade the connection to TLS in place (STARTTLS); plaintext after the match is discarded, later steps run over TLS",
        HelpName = "REGEX",
    };

    public Option<double> Timeout { get; } = new("--timeout")
    {
        Description = "Seconds allowed for connecting, for the TLS handshake and for each --expect and --starttls-after",
        DefaultValueFactory = _ => 10,
        CustomParser = OptionValues.Seconds,
    };

    public Option<bool> HalfClose { get; }

    public Option<double> Linger { get; } = new("--linger")
    {
        Description = "After the input ends, keep reading until the peer has been quiet this many seconds (with --half-close: until the peer closes)",
        DefaultValueFactory = _ => 1,
        CustomParser = OptionValues.Seconds,
    };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Report connection events on stderr" };

    /// <summary>Adds every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Raw, Hex, Eol, Send, SendFile, Expect, Timeout, HalfClose, Linger, Verbose })
        {
            command.Options.Add(option);
        }

        if (_startTls)
        {
            command.Options.Add(StartTlsAfter);
        }
    }

    /// <summary>Reads and checks the values; a bad value is a usage error naming it.</summary>
    public StreamSettings Read(ParseResult result)
    {
        var eol = result.GetValue(Eol)?.ToLowerInvariant() switch
        {
            "crlf" => "\r\n"u8.ToArray(),
            "lf" => "\n"u8.ToArray(),
            "cr" => "\r"u8.ToArray(),
            "none" => [],
            var other => throw CliErrors.Usage($"--eol '{other}': expected crlf, lf, cr or none"),
        };
        var timeout = result.GetValue(Timeout);
        if (timeout <= 0 || !double.IsFinite(timeout))
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--timeout {timeout}: expected a positive number of seconds"));
        }

        var linger = result.GetValue(Linger);
        if (linger < 0 || !double.IsFinite(linger))
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--linger {linger}: expected a number of seconds >= 0"));
        }

        return new StreamSettings(
            result.GetValue(Raw) ? StreamMode.Raw : StreamMode.Line,
            result.GetValue(Hex),
            eol,
            ReadSteps(result, timeout, throughLineEnd: !result.GetValue(Raw)),
            timeout,
            result.GetValue(HalfClose),
            linger,
            result.GetValue(Verbose));
    }

    /// <summary>
    /// The steps in the order they were written: the parser groups values per option, so the
    /// order comes from the tokens.
    /// </summary>
    private IReadOnlyList<ScriptStep> ReadSteps(ParseResult result, double timeout, bool throughLineEnd)
    {
        var steps = new List<ScriptStep>();
        var tokens = result.Tokens;
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            var token = tokens[i];
            if (token.Type != TokenType.Option)
            {
                continue;
            }

            var value = tokens[i + 1].Value;
            if (Send.Name == token.Value)
            {
                steps.Add(new SendStep(DecodeEscapes(value)));
            }
            else if (SendFile.Name == token.Value)
            {
                CheckReadable(value);
                steps.Add(new SendFileStep(value));
            }
            else if (Expect.Name == token.Value)
            {
                steps.Add(new ExpectStep(ParsePattern(Expect.Name, value), timeout) { ThroughLineEnd = throughLineEnd, Source = value });
            }
            else if (_startTls && StartTlsAfter.Name == token.Value)
            {
                steps.Add(new StartTlsStep(ParsePattern(StartTlsAfter.Name, value), timeout) { ThroughLineEnd = throughLineEnd, Source = value });
            }
        }

        return steps;
    }

    private static byte[] DecodeEscapes(string text)
    {
        try
        {
            return Escapes.Decode(text);
        }
        catch (FormatException exception)
        {
            throw CliErrors.Usage($"--send: {exception.Message}");
        }
    }

    private static Regex ParsePattern(string option, string pattern)
    {
        try
        {
            // Multiline: ^ and $ mean the start and end of a line, wherever the previous match left off.
            return new Regex(LineEndsBeforeCarriageReturn(pattern), RegexOptions.CultureInvariant | RegexOptions.Multiline);
        }
        catch (ArgumentException exception)
        {
            throw CliErrors.Usage($"{option} '{pattern}': not a valid regular expression ({CliErrors.OneLine(exception.Message)})");
        }
    }

    /// <summary>
    /// Makes each <c>$</c> of <paramref name="pattern"/> (not escaped, not in a character class) match before
    /// CRLF too: .NET's multiline <c>$</c> matches only before LF, and most text protocols end lines in CRLF.
    /// </summary>
    internal static string LineEndsBeforeCarriageReturn(string pattern)
    {
        var result = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                result.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                // A ']' right after '[' or '[^' is a member of the class, not its end.
                result.Append(c);
                inClass = true;
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    result.Append(pattern[++i]);
                }

                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    result.Append(pattern[++i]);
                }

                continue;
            }
            else if (c == '$')
            {
                result.Append(@"(?=\r?$)");
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    private void CheckReadable(string path)
    {
        if (path.Length == 0)
        {
            throw CliErrors.Usage($"{SendFile.Name} '': expected a file name");
        }

        try
        {
            using var file = File.OpenRead(path);
        }
        catch (Exception exception) when (FileErrorText.IsFileError(exception))
        {
            throw FileErrorText.Fail(SendFile.Name, path, exception);
        }
    }
}
