using System.CommandLine;
using System.Globalization;
using NetScope.Web.Server.Listeners;

namespace NetScope.Cli.Listeners;

/// <summary>The options of <c>netscope listen http</c> beyond the ones every listener takes.</summary>
internal sealed class HttpListenOptions
{
    public Option<string> Root { get; } = new("--root") { Description = "Serve this directory (default: the current directory)", HelpName = "DIR" };

    public Option<bool> Echo { get; } = new("--echo") { Description = "Answer every request with what arrived (text, or JSON when the client accepts it)" };

    public Option<int?> Status { get; } = new("--status")
    {
        Description = "Answer every request with this status code (200-999)",
        HelpName = "CODE",
        CustomParser = OptionValues.OptionalCount,
    };

    public Option<string> Body { get; } = new("--body") { Description = "The body of the --status answer: TEXT, or @FILE", HelpName = "TEXT|@FILE" };

    public Option<string[]> Header { get; } = new("--header") { Description = "Add 'K: V' to the --status answer (repeatable)", HelpName = "'K: V'" };

    public Option<string> Delay { get; } = new("--delay") { Description = "Wait this long before answering (250ms, 2s)", HelpName = "T" };

    public Option<string> Drip { get; } = new("--drip") { Description = "Send bodies slowly, at this many bytes per second (100, 10k, 1MB)", HelpName = "RATE" };

    public Option<string> CloseAfter { get; } = new("--close-after") { Description = "Drop the connection after N bytes of response (head included)", HelpName = "N" };

    public Option<string> MaxBody { get; } = new("--max-body") { Description = "Refuse request bodies larger than SIZE with 413 (default 32M)", HelpName = "SIZE" };

    public Option<string> HeaderTimeout { get; } = new("--header-timeout") { Description = "Answer 408 to a client whose request head takes longer than T (default 30s)", HelpName = "T" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { Root, Echo, Status, Body, Header, Delay, Drip, CloseAfter, MaxBody, HeaderTimeout })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads and checks the values; a bad one is a usage error naming it.</summary>
    public HttpListenerOptions Read(ParseResult result)
    {
        var root = result.GetValue(Root);
        var echo = result.GetValue(Echo);
        var status = result.GetValue(Status);
        if (new[] { root is not null, echo, status is not null }.Count(x => x) > 1)
        {
            throw CliErrors.Usage("--root, --echo and --status: choose one");
        }

        var options = new HttpListenerOptions();
        if (echo)
        {
            options = options with { Mode = HttpListenerMode.Echo };
        }
        else if (status is { } code)
        {
            if (code is < 100 or > 999)
            {
                throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--status {code}: expected a three-digit status code"));
            }

            if (code < 200)
            {
                throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--status {code}: a 1xx status is not a final answer; choose 200-999"));
            }

            var body = Parse(Body, result.GetValue(Body), HttpListeners.ParseBody) ?? ReadOnlyMemory<byte>.Empty;
            if (code is 204 or 304 && !body.IsEmpty)
            {
                throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--status {code} --body: a {code} answer cannot carry a body"));
            }

            options = options with
            {
                Mode = HttpListenerMode.Status,
                StatusCode = code,
                Body = body,
                Headers = (result.GetValue(Header) ?? []).Select(h => Parse(Header, h, HttpListeners.ParseHeader)!).ToArray(),
            };
        }
        else
        {
            var directory = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
            if (!Directory.Exists(directory))
            {
                throw CliErrors.Usage($"--root {root}: no such directory");
            }

            options = options with { Mode = HttpListenerMode.Directory, RootDirectory = directory };
        }

        if (status is null && (result.GetValue(Body) is not null || result.GetValue(Header) is { Length: > 0 }))
        {
            throw CliErrors.Usage("--body and --header go with --status");
        }

        if (result.GetValue(Delay) is { } delay)
        {
            options = options with { Delay = Parse(Delay, delay, HttpListeners.ParseDuration) };
        }

        if (result.GetValue(Drip) is { } drip)
        {
            var rate = Parse(Drip, drip, HttpListeners.ParseByteCount);
            if (rate <= 0)
            {
                throw CliErrors.Usage($"--drip {drip}: expected a rate above zero (100, 10k, 1MB)");
            }

            options = options with { DripBytesPerSecond = rate };
        }

        if (result.GetValue(CloseAfter) is { } closeAfter)
        {
            options = options with { CloseAfterBytes = Parse(CloseAfter, closeAfter, HttpListeners.ParseByteCount) };
        }

        if (result.GetValue(MaxBody) is { } maxBody)
        {
            options = options with { MaxBodyBytes = Parse(MaxBody, maxBody, HttpListeners.ParseByteCount) };
        }

        if (result.GetValue(HeaderTimeout) is { } headerTimeout)
        {
            var timeout = Parse(HeaderTimeout, headerTimeout, HttpListeners.ParseDuration);
            if (timeout <= TimeSpan.Zero)
            {
                throw CliErrors.Usage($"--header-timeout {headerTimeout}: expected a duration above zero (500ms, 30s, 2m)");
            }

            options = options with { HeaderTimeout = timeout };
        }

        return options;
    }

    /// <summary>What <see cref="Read"/> says about the listener, for its first line.</summary>
    public static string Describe(HttpListenerOptions options) => options.Mode switch
    {
        HttpListenerMode.Echo => "echo",
        HttpListenerMode.Status => string.Create(CultureInfo.InvariantCulture, $"status {options.StatusCode}"),
        _ => $"root {options.RootDirectory}",
    };

    private static T? Parse<T>(Option option, string? text, Func<string, T> parse)
    {
        if (text is null)
        {
            return default;
        }

        try
        {
            return parse(text);
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            throw CliErrors.Usage($"{option.Name} {text}: {CliErrors.OneLine(exception.Message)}");
        }
    }
}
