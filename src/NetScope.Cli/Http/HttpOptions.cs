using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetScope.Cli.Tls;
using NetScope.Core.Tls;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Cli.Http;

/// <summary>The arguments and options of <c>netscope http</c>, in the spirit of curl and HTTPie. One instance per command.</summary>
internal sealed class HttpOptions
{
    public Argument<string[]> Arguments { get; } = new("METHOD URL")
    {
        Description = "The method (GET, or POST with -d/--json, when omitted) and the URL (http:// is assumed when no scheme is given)",
        Arity = new ArgumentArity(1, 2),
    };

    public Option<string[]> Header { get; } = new("--header", "-H")
    {
        Description = "Send the field 'Name: value' (repeatable); 'Name:' drops a default field, 'Name;' sends it empty",
        HelpName = "'K: V'",
    };

    public Option<string?> Data { get; } = new("--data", "-d")
    {
        Description = "Send DATA as the body (form content type); @FILE streams a file, @- reads stdin",
        HelpName = "DATA",
    };

    public Option<string?> Json { get; } = new("--json")
    {
        Description = "Send DATA (or @FILE) as a JSON body: sets Content-Type and Accept to application/json",
        HelpName = "DATA",
    };

    public Option<bool> Include { get; } = new("--include", "-i") { Description = "Write the response status line and headers before the body" };

    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Show the connection, the request and the response heads on stderr" };

    public Option<string?> Output { get; } = new("--output", "-o") { Description = "Write the body to FILE instead of stdout", HelpName = "FILE" };

    public Option<bool> Location { get; } = new("--location", "-L") { Description = "Follow redirects (301, 302, 303, 307, 308)" };

    public Option<int> MaxRedirects { get; } = new("--max-redirs")
    {
        Description = "The most redirects -L follows; one more fails with exit code 32",
        HelpName = "N",
        DefaultValueFactory = _ => 50,
        CustomParser = OptionValues.Count,
    };

    public Option<double> MaxTime { get; } = new("--max-time")
    {
        Description = "Seconds allowed for the whole transfer, redirects included (exit code 5 past it; 0: no limit)",
        HelpName = "SECONDS",
        CustomParser = OptionValues.Seconds,
    };

    public Option<double> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds allowed to resolve and connect",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
        CustomParser = OptionValues.Seconds,
    };

    public Option<string?> Proxy { get; } = new("--proxy", "-x")
    {
        Description = "Go through the HTTP proxy at URL (plain requests in absolute form, https through CONNECT)",
        HelpName = "URL",
    };

    public Option<bool> ProxyTunnel { get; } = new("--proxytunnel", "-p") { Description = "Use a CONNECT tunnel through the proxy for plain http too" };

    public Option<bool> JsonOutput { get; } = new("--json-output")
    {
        Description = "Write the outcome as one JSON document: status, headers, timings, and the body (text) or its size",
    };

    public Option<bool> Fail { get; } = new("--fail", "-f") { Description = "Exit with code 30, writing nothing on stdout, when the status is 400 or above" };

    public Option<bool> Compressed { get; } = new("--compressed") { Description = "Ask for a gzip or deflate body and decode it" };

    public Option<bool> Http10 { get; } = new("--http1.0") { Description = "Send HTTP/1.0 requests" };

    public Option<bool> Insecure { get; } = new("--insecure", "-k")
    {
        Description = "https: go on when the server's certificate fails verification (-v still says why)",
    };

    public Option<string?> Ca { get; } = new("--ca", "--cacert")
    {
        Description = "https: trust the CA certificates in this PEM file instead of the system store",
        HelpName = "FILE",
    };

    /// <summary>
    /// The TLS options <c>netscope http</c> shares with <c>netscope tls</c> (the same option objects and checks):
    /// <c>--servername</c>, <c>--cert</c>/<c>--key</c>, <c>--pin</c>, <c>--tls-min</c>/<c>--tls-max</c>. <c>-k</c>
    /// and <c>--ca</c> are this verb's own, for curl's <c>--cacert</c> spelling.
    /// </summary>
    public TlsOptions Tls { get; } = new();

    /// <summary>Adds the argument and every option to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Arguments.Add(Arguments);
        foreach (Option option in new Option[]
        {
            Header, Data, Json, Include, Verbose, Output, Location, MaxRedirects, MaxTime, ConnectTimeout, Proxy, ProxyTunnel, JsonOutput,
            Fail, Compressed, Http10, Insecure, Ca, Tls.ServerName, Tls.Cert, Tls.Key, Tls.Pin, Tls.TlsMin, Tls.TlsMax,
        })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Reads and checks the values; a bad value is a usage error naming it.</summary>
    /// <param name="result">The parse result.</param>
    /// <param name="stdin">Opens standard input, for <c>-d @-</c>.</param>
    public HttpSettings Read(ParseResult result, Func<Stream> stdin)
    {
        var arguments = result.GetValue(Arguments) ?? [];
        var url = ParseUrl(arguments[^1]);
        var headers = ParseHeaders(result.GetValue(Header) ?? []);
        var data = result.GetValue(Data);
        var json = result.GetValue(Json);
        if (data is not null && json is not null)
        {
            throw CliErrors.Usage("-d and --json both give the body: use one");
        }

        HttpRequestBody? body = null;
        if (data is not null)
        {
            body = ReadBody("-d", data, stdin);
            AddIfAbsent(headers, HttpHeaderNames.ContentType, "application/x-www-form-urlencoded");
        }
        else if (json is not null)
        {
            body = ReadBody("--json", json, stdin);
            AddIfAbsent(headers, HttpHeaderNames.ContentType, "application/json");
            AddIfAbsent(headers, HttpHeaderNames.Accept, "application/json");
        }

        var method = arguments.Length == 2 ? arguments[0] : body is null ? HttpMethods.Get : HttpMethods.Post;
        if (!HttpSyntax.IsToken(method))
        {
            throw CliErrors.Usage($"bad method '{method}': expected a token such as GET or POST");
        }

        if (method == HttpMethods.Connect)
        {
            throw CliErrors.Usage("CONNECT is sent by the client itself: use --proxy URL with --proxytunnel to open a tunnel");
        }

        var include = result.GetValue(Include);
        var jsonOutput = result.GetValue(JsonOutput);
        if (include && jsonOutput)
        {
            throw CliErrors.Usage("-i and --json-output both write the response head on stdout: use one");
        }

        var maxRedirects = result.GetValue(MaxRedirects);
        if (maxRedirects < 0)
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--max-redirs {maxRedirects}: expected a number >= 0"));
        }

        var output = result.GetValue(Output);
        if (output is { Length: 0 })
        {
            throw CliErrors.Usage("-o: expected a file name");
        }

        return new HttpSettings(
            method,
            url,
            headers,
            body,
            include,
            result.GetValue(Verbose),
            output,
            result.GetValue(Location),
            maxRedirects,
            Seconds("--max-time", result.GetValue(MaxTime), allowZero: true),
            Seconds("--connect-timeout", result.GetValue(ConnectTimeout), allowZero: false),
            ParseProxy(result.GetValue(Proxy), result.GetValue(ProxyTunnel)),
            jsonOutput,
            result.GetValue(Fail),
            result.GetValue(Compressed),
            result.GetValue(Http10) ? HttpProtocolVersion.Http10 : HttpProtocolVersion.Http11,
            result.GetValue(Insecure),
            LoadCa(result.GetValue(Ca)),
            ReadTls(result));
    }

    /// <summary>
    /// Reads the shared TLS options through <see cref="TlsOptions.Read"/>; the options of <c>netscope tls</c> this verb
    /// does not take (ALPN, --show-certs, --keylog, --json) read as absent there, so no key log is opened.
    /// </summary>
    private TlsSettings ReadTls(ParseResult result) => Tls.Read(result, TextWriter.Null);

    /// <summary>Loads the --ca bundle; an unreadable or empty file is a file error.</summary>
    private static X509Certificate2Collection? LoadCa(string? path)
    {
        if (path is null)
        {
            return null;
        }

        try
        {
            return TlsCertificates.LoadPemBundle(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or CryptographicException or InvalidDataException)
        {
            throw CliErrors.Fail($"--ca {path}", exception);
        }
    }

    /// <summary>Parses a URL, taking http:// when no scheme is given (as curl does).</summary>
    internal static HttpUrl ParseUrl(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        try
        {
            return HttpUrl.Parse(withScheme);
        }
        catch (FormatException exception)
        {
            var reason = exception.Message[(exception.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            throw CliErrors.Usage($"bad URL '{text}': {reason}");
        }
    }

    /// <summary>Parses the -H values: <c>Name: value</c>, <c>Name:</c> (drop) and <c>Name;</c> (empty).</summary>
    internal static HttpHeaders ParseHeaders(IEnumerable<string> values)
    {
        var headers = new HttpHeaders();
        foreach (var value in values)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            string name;
            string? fieldValue;
            if (colon < 0 && semicolon > 0 && value[(semicolon + 1)..].Trim().Length == 0)
            {
                name = value[..semicolon].Trim();
                fieldValue = string.Empty;
            }
            else if (colon > 0)
            {
                name = value[..colon];
                var rest = value[(colon + 1)..].Trim(' ', '\t');
                fieldValue = rest.Length == 0 ? null : rest;
            }
            else
            {
                throw CliErrors.Usage($"bad header '{value}': expected 'Name: value'");
            }

            if (!HttpSyntax.IsValidFieldName(name))
            {
                throw CliErrors.Usage($"bad header '{value}': '{name}' is not a valid field name");
            }

            if (fieldValue is null)
            {
                // "Name:" drops the field: defaults are suppressed by an empty line, other fields are simply not sent.
                headers.Remove(name);
                if (name.Equals(HttpHeaderNames.UserAgent, StringComparison.OrdinalIgnoreCase) || name.Equals(HttpHeaderNames.Accept, StringComparison.OrdinalIgnoreCase))
                {
                    headers.Add(name, string.Empty);
                }

                continue;
            }

            if (!HttpSyntax.IsValidFieldValue(fieldValue))
            {
                throw CliErrors.Usage($"bad header '{value}': the value holds a control character or a character above U+00FF");
            }

            headers.Add(name, fieldValue);
        }

        return headers;
    }

    private static HttpRequestBody ReadBody(string option, string value, Func<Stream> stdin)
    {
        if (!value.StartsWith('@'))
        {
            return HttpRequestBody.FromBytes(Encoding.UTF8.GetBytes(value));
        }

        var path = value[1..];
        if (path == "-")
        {
            using var input = stdin();
            using var copy = new MemoryStream();
            input.CopyTo(copy);
            return HttpRequestBody.FromBytes(copy.ToArray());
        }

        try
        {
            return HttpRequestBody.FromFile(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw CliErrors.Fail(option, exception);
        }
    }

    private static HttpProxy? ParseProxy(string? text, bool tunnel)
    {
        if (text is null)
        {
            if (tunnel)
            {
                throw CliErrors.Usage("--proxytunnel needs --proxy");
            }

            return null;
        }

        try
        {
            return HttpProxy.Parse(text, tunnel);
        }
        catch (FormatException exception)
        {
            throw CliErrors.Usage($"--proxy: {CliErrors.OneLine(exception.Message)}");
        }
    }

    private static double Seconds(string option, double value, bool allowZero)
    {
        if (!double.IsFinite(value) || value < 0 || (!allowZero && value == 0))
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"{option} {value}: expected a {(allowZero ? "number of seconds >= 0" : "positive number of seconds")}"));
        }

        return value;
    }

    private static void AddIfAbsent(HttpHeaders headers, string name, string value)
    {
        if (!headers.Contains(name))
        {
            headers.Add(name, value);
        }
    }
}
