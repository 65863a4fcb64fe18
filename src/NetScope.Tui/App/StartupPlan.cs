using System.Diagnostics.CodeAnalysis;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Web.Http;

namespace NetScope.Tui.App;

/// <summary>
/// What <c>netscope tui --listen KIND:PORT --open tcp://HOST:PORT</c> asks to have open at start:
/// parsed (and refused with a usage message) before the terminal is taken over, run once the
/// workspace exists: listeners first, so sessions can connect to them.
/// </summary>
internal sealed class StartupPlan
{
    private StartupPlan(IReadOnlyList<ListenRequest> listens, IReadOnlyList<OpenRequest> opens)
    {
        Listens = listens;
        Opens = opens;
    }

    /// <summary>The listeners to start, in order.</summary>
    public IReadOnlyList<ListenRequest> Listens { get; }

    /// <summary>The sessions to open, in order.</summary>
    public IReadOnlyList<OpenRequest> Opens { get; }

    /// <summary>Parses the <c>--open</c> and <c>--listen</c> values, or says (in one line) which one is wrong and why.</summary>
    public static bool TryParse(IEnumerable<string> opens, IEnumerable<string> listens, KindCatalog catalog, [NotNullWhen(true)] out StartupPlan? plan, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(opens);
        ArgumentNullException.ThrowIfNull(listens);
        ArgumentNullException.ThrowIfNull(catalog);
        plan = null;
        var listenRequests = new List<ListenRequest>();
        foreach (var text in listens)
        {
            if (!TryParseListen(text, catalog, out var request, out error))
            {
                return false;
            }

            listenRequests.Add(request);
        }

        var openRequests = new List<OpenRequest>();
        foreach (var text in opens)
        {
            if (!TryParseOpen(text, catalog, out var request, out error))
            {
                return false;
            }

            openRequests.Add(request);
        }

        plan = new StartupPlan(listenRequests, openRequests);
        error = null;
        return true;
    }

    /// <summary>
    /// Parses <c>SCHEME://HOST:PORT</c>; <c>tls://HOST:PORT?insecure</c> does not verify the certificate.
    /// <c>http://…</c> and <c>https://…</c> URLs open an http session that GETs them (<c>https://…#insecure</c>:
    /// without verifying; a fragment is never sent, so it cannot clash with the URL's own query).
    /// </summary>
    public static bool TryParseOpen(string text, KindCatalog catalog, [NotNullWhen(true)] out OpenRequest? request, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        request = null;
        var separator = text.IndexOf("://", StringComparison.Ordinal);
        if (separator <= 0)
        {
            error = $"--open '{text}': expected SCHEME://HOST:PORT, like tcp://127.0.0.1:7, or an http(s):// URL";
            return false;
        }

        var scheme = text[..separator];
        if (scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
        {
            return TryParseHttp(text, out request, out error);
        }

        if (catalog.FindSession(scheme) is not { } kind || kind.Name == "http")
        {
            error = $"--open '{text}': {Unavailable(scheme, catalog.Sessions.Select(s => s.Name == "http" ? "http(s)://URL" : s.Name + "://HOST:PORT"))}";
            return false;
        }

        var rest = text[(separator + 3)..];
        var insecure = false;
        if (rest.EndsWith("?insecure", StringComparison.OrdinalIgnoreCase) && kind.Name == "tls")
        {
            insecure = true;
            rest = rest[..^"?insecure".Length];
        }

        if (!HostPort.TryParse(rest.TrimEnd('/'), out var target, out var problem))
        {
            error = $"--open '{text}': {problem}";
            return false;
        }

        request = new OpenRequest(kind.Name, target, StreamMode.Line, "\r\n"u8.ToArray()) { Insecure = insecure };
        error = null;
        return true;
    }

    private static bool TryParseHttp(string text, [NotNullWhen(true)] out OpenRequest? request, [NotNullWhen(false)] out string? error)
    {
        request = null;
        var insecure = text.EndsWith("#insecure", StringComparison.OrdinalIgnoreCase);
        var url = insecure ? text[..^"#insecure".Length] : text;
        if (!HttpFieldParsers.TryUrl(url, out var parsed, out var problem))
        {
            error = $"--open '{text}': {problem}";
            return false;
        }

        if (insecure && !parsed.IsHttps)
        {
            error = $"--open '{text}': #insecure is for https:// URLs (plain http has no certificate to check)";
            return false;
        }

        request = OpenRequest.ForHttp(new HttpRequestSpec(HttpMethods.Get, parsed)) with { Insecure = insecure };
        error = null;
        return true;
    }

    /// <summary>Parses <c>KIND:PORT</c> or <c>KIND:ADDRESS:PORT</c> (an IPv6 address in brackets); <c>KIND+tls</c> serves over TLS.</summary>
    public static bool TryParseListen(string text, KindCatalog catalog, [NotNullWhen(true)] out ListenRequest? request, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        request = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            error = $"--listen '{text}': expected KIND:PORT or KIND:ADDRESS:PORT, like echo:7007";
            return false;
        }

        var name = text[..colon];
        var tls = name.EndsWith("+tls", StringComparison.OrdinalIgnoreCase);
        name = tls ? name[..^4] : name;
        if (catalog.FindListener(name) is not { } kind)
        {
            error = $"--listen '{text}': {Unavailable(name, catalog.Listeners.Select(l => l.Name))}";
            return false;
        }

        var rest = text[(colon + 1)..];
        var last = rest.LastIndexOf(':');
        var address = last < 0 ? "127.0.0.1" : rest[..last];
        var portText = last < 0 ? rest : rest[(last + 1)..];
        if (!FieldParsers.TryBindAddress(address, out var host, out var problem) || !FieldParsers.TryPort(portText, allowAny: true, out var port, out problem))
        {
            error = $"--listen '{text}': {problem}";
            return false;
        }

        if (tls && !kind.OffersTls)
        {
            error = $"--listen '{text}': {kind.Name} listeners do not serve TLS";
            return false;
        }

        request = new ListenRequest(kind.Name, host, port, LineFraming: kind.HasFraming) { Tls = tls };
        error = null;
        return true;
    }

    private static string Unavailable(string name, IEnumerable<string> offered) =>
        $"unknown kind '{name}' (this build offers {string.Join(", ", offered)})";
}
