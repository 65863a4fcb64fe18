using System.Globalization;
using System.Text;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Web.Http;
using NetScope.Web.Server.Static;

namespace NetScope.Web.Server.Listeners;

/// <summary>
/// The ready-made HTTP listeners of <c>netscope listen http</c>: <see cref="CreateSite(HttpListenerOptions, IReactor)"/>
/// builds the <see cref="Site"/> for a set of <see cref="HttpListenerOptions"/>, and the <c>Parse</c> helpers
/// turn flag values into option values with one-line errors, so a command only maps flags.
/// </summary>
/// <example>
/// <code>
/// var options = new HttpListenerOptions { Mode = HttpListenerMode.Status, Body = HttpListeners.ParseBody("Hello, world!") };
/// reactor.ListenTcp(8080, HttpListeners.CreateSite(options, reactor));
/// </code>
/// </example>
public static class HttpListeners
{
    /// <summary>Builds the site for <paramref name="options"/> on <paramref name="reactor"/>.</summary>
    /// <param name="options">The listener's settings.</param>
    /// <param name="reactor">The reactor the site runs on.</param>
    /// <returns>A site to pass to <c>ListenTcp</c>; subscribe to <see cref="Site.RequestLogged"/> to print the access log.</returns>
    /// <exception cref="ArgumentException">The options do not make a valid answer (a bad status, header, or a body on 204/304).</exception>
    /// <exception cref="DirectoryNotFoundException">The root directory does not exist.</exception>
    public static Site CreateSite(HttpListenerOptions options, IReactor reactor)
    {
        ArgumentNullException.ThrowIfNull(reactor);
        return CreateSite(options, reactor, reactor);
    }

    /// <summary>Builds the site for <paramref name="options"/> from a clock and a thread pool (tests pass fakes).</summary>
    /// <param name="options">The listener's settings.</param>
    /// <param name="clock">The reactor clock.</param>
    /// <param name="threads">The reactor's thread pool, or <see langword="null"/> to read files inline.</param>
    /// <returns>The site.</returns>
    public static Site CreateSite(HttpListenerOptions options, IReactorTime clock, IReactorThreads? threads)
    {
        ArgumentNullException.ThrowIfNull(options);
        var siteOptions = new SiteOptions
        {
            ServerName = options.ServerName,
            DripBytesPerSecond = options.DripBytesPerSecond,
            CloseAfterBytes = options.CloseAfterBytes,
            ParserOptions = options.MaxBodyBytes is { } maxBody ? new HttpParserOptions { MaxBodyLength = maxBody } : HttpParserOptions.RequestDefaults,
            HeaderTimeout = options.HeaderTimeout ?? SiteOptions.Default.HeaderTimeout,
        };
        return new Site(CreateResource(options), clock, threads, siteOptions);
    }

    /// <summary>The resource tree for <paramref name="options"/> (without the connection-level knobs, drip and close-after).</summary>
    /// <param name="options">The listener's settings.</param>
    /// <returns>The root resource.</returns>
    public static Resource CreateResource(HttpListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Resource root = options.Mode switch
        {
            HttpListenerMode.Directory => new StaticFile(options.RootDirectory ?? Directory.GetCurrentDirectory()),
            HttpListenerMode.Echo => new EchoResource(),
            HttpListenerMode.Status => CreateFixed(options),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Mode, "Unknown listener mode."),
        };
        return options.Delay > TimeSpan.Zero ? new DelayedResource(root, options.Delay) : root;
    }

    /// <summary>Parses a <c>--header</c> value, <c>Name: value</c>.</summary>
    /// <param name="text">The flag's value.</param>
    /// <returns>The header.</returns>
    /// <exception cref="FormatException">No colon, or an invalid name or value.</exception>
    public static HttpHeader ParseHeader(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not a header: expected 'Name: value'.");
        }

        var name = text[..colon];
        var value = text[(colon + 1)..].Trim(' ', '\t');
        if (!HttpSyntax.IsValidFieldName(name))
        {
            throw new FormatException($"'{name}' is not a valid header name.");
        }

        if (!HttpSyntax.IsValidFieldValue(value))
        {
            throw new FormatException($"The value of header '{name}' holds a control character.");
        }

        return new HttpHeader(name, value);
    }

    /// <summary>Parses a <c>--body</c> value: <c>@FILE</c> reads the file, anything else is sent as UTF-8 text.</summary>
    /// <param name="text">The flag's value.</param>
    /// <returns>The body bytes.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static byte[] ParseBody(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith('@') ? File.ReadAllBytes(text[1..]) : Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Parses a <c>--delay</c> value: a number of seconds, or a number with <c>ms</c>, <c>s</c> or <c>m</c>.</summary>
    /// <param name="text">For example <c>1.5</c>, <c>250ms</c>, <c>2s</c>, <c>1m</c>.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">Not a non-negative duration.</exception>
    public static TimeSpan ParseDuration(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        var (number, scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (value[..^2], 0.001),
            _ when value.EndsWith('s') || value.EndsWith('S') => (value[..^1], 1.0),
            _ when value.EndsWith('m') || value.EndsWith('M') => (value[..^1], 60.0),
            _ => (value, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) || !double.IsFinite(amount))
        {
            throw new FormatException($"'{text}' is not a duration: expected seconds, or a number with ms, s or m.");
        }

        return TimeSpan.FromSeconds(amount * scale);
    }

    /// <summary>
    /// Parses a byte count for <c>--close-after</c> or a rate for <c>--drip</c>: a whole number with an optional
    /// <c>k</c>, <c>M</c> or <c>G</c> (powers of 1024, as curl's <c>--limit-rate</c>), an optional <c>B</c> and, for
    /// rates, an optional <c>/s</c>.
    /// </summary>
    /// <param name="text">For example <c>100</c>, <c>10k</c>, <c>1MB/s</c>.</param>
    /// <returns>The number of bytes.</returns>
    /// <exception cref="FormatException">Not a byte count.</exception>
    public static long ParseByteCount(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        if (value.EndsWith("/s", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^2];
        }

        if (value.EndsWith('B') || value.EndsWith('b'))
        {
            value = value[..^1];
        }

        var multiplier = 1L;
        if (value.Length > 0 && char.ToLowerInvariant(value[^1]) is 'k' or 'm' or 'g')
        {
            multiplier = char.ToLowerInvariant(value[^1]) switch
            {
                'k' => 1024L,
                'm' => 1024L * 1024,
                _ => 1024L * 1024 * 1024,
            };
            value = value[..^1];
        }

        if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > long.MaxValue / multiplier)
        {
            throw new FormatException($"'{text}' is not a byte count: expected a whole number with an optional k, M or G.");
        }

        return count * multiplier;
    }

    private static FixedResource CreateFixed(HttpListenerOptions options)
    {
        var headers = new HttpHeaders();
        foreach (var header in options.Headers)
        {
            headers.Add(header.Name, header.Value);
        }

        if (!options.Body.IsEmpty && !headers.Contains(HttpHeaderNames.ContentType))
        {
            headers.Add(HttpHeaderNames.ContentType, "text/plain; charset=utf-8");
        }

        return new FixedResource(options.StatusCode, options.Body, headers);
    }
}
