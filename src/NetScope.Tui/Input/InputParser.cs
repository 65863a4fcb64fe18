using NetScope.Sessions.Formatting;
using NetScope.Sessions.Streams;

namespace NetScope.Tui.Input;

/// <summary>
/// Turns a line typed into the input line into what to do. A line that starts with <c>/</c> is a
/// command (<c>//</c> sends a line that starts with one slash); other text is sent: in line mode
/// with the session's line ending, in raw mode as bytes with escapes (<c>\r</c>, <c>\x00</c>) decoded.
/// </summary>
internal sealed class InputParser
{
    private static readonly Dictionary<string, (byte[] Bytes, string Name)> Endings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["crlf"] = ("\r\n"u8.ToArray(), "CRLF"),
        ["lf"] = ("\n"u8.ToArray(), "LF"),
        ["cr"] = ("\r"u8.ToArray(), "CR"),
        ["none"] = ([], "none"),
    };

    /// <summary>Creates the parser; <paramref name="startTls"/> offers <c>/starttls</c> (sessions that can upgrade to TLS).</summary>
    public InputParser(bool startTls = true)
    {
        StartTls = startTls;
    }

    /// <summary>Whether <c>/starttls</c> is offered.</summary>
    public bool StartTls { get; }

    /// <summary>The commands and what they do, for the help.</summary>
    public IReadOnlyList<(string Syntax, string Description)> Commands =>
    [
        ("/raw", "raw mode: send exactly what is typed, escapes like \\r \\n \\x00 decoded, no line ending"),
        ("/line", "line mode: Enter sends the line and the line ending"),
        ("/ending crlf|lf|cr|none", "the line ending line mode sends (CRLF to start with)"),
        .. StartTls ? new[] { ("/starttls [insecure]", "upgrade the connection to TLS in place (insecure: do not verify the certificate)") } : [],
        ("/halfclose", "finish sending (FIN) and keep reading"),
        ("/close", "close the session after what is buffered is sent"),
        ("/help", "list every key and command"),
        ("//text", "send a line that starts with /"),
    ];

    /// <summary>What <paramref name="text"/> asks for, typed in <paramref name="mode"/>.</summary>
    public InputCommand Parse(string text, StreamMode mode)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return Send(text[1..], mode);
        }

        if (!text.StartsWith('/'))
        {
            return Send(text, mode);
        }

        var words = text[1..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = words.Length == 0 ? string.Empty : words[0].ToLowerInvariant();
        return (name, words.Length) switch
        {
            ("raw", 1) => new SwitchModeCommand(StreamMode.Raw),
            ("line", 1) => new SwitchModeCommand(StreamMode.Line),
            ("close", 1) => new CloseCommand(),
            ("halfclose", 1) => new HalfCloseCommand(),
            ("starttls", 1) when StartTls => new StartTlsCommand(),
            ("starttls", 2) when StartTls && words[1].Equals("insecure", StringComparison.OrdinalIgnoreCase) => new StartTlsCommand(Insecure: true),
            ("starttls", _) when StartTls => new InvalidCommand("usage: /starttls [insecure]"),
            ("help", 1) => new HelpCommand(),
            ("ending", 2) when Endings.TryGetValue(words[1], out var ending) => new SetEndingCommand(ending.Bytes, ending.Name),
            ("ending", _) => new InvalidCommand("usage: /ending crlf|lf|cr|none"),
            ("raw" or "line" or "close" or "halfclose" or "help", _) => new InvalidCommand($"/{name} takes no argument"),
            _ => new InvalidCommand($"unknown command /{name}: try {string.Join(' ', Commands.Select(c => c.Syntax.Split(' ')[0]).Where(c => c != "//text"))} (// sends a line starting with /)"),
        };
    }

    private static InputCommand Send(string text, StreamMode mode)
    {
        if (mode == StreamMode.Line)
        {
            return new SendLineCommand(text);
        }

        if (text.Length == 0)
        {
            return new NoCommand();
        }

        try
        {
            return new SendBytesCommand(Escapes.Decode(text));
        }
        catch (FormatException bad)
        {
            return new InvalidCommand(bad.Message);
        }
    }
}
