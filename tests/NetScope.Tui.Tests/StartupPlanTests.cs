using NetScope.Sessions.Streams;
using NetScope.Tui.App;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class StartupPlanTests
{
    private readonly KindCatalog _catalog = new(TimeProvider.System);

    [Fact]
    public void OpenAndListenValuesBecomeRequestsInOrder()
    {
        Assert.True(StartupPlan.TryParse(["tcp://127.0.0.1:7007", "tcp://[::1]:25"], ["echo:7007", "chargen:0.0.0.0:1919", "tcp:[::1]:0"], _catalog, out var plan, out var error), error);

        Assert.Equal(["127.0.0.1:7007", "[::1]:25"], plan.Opens.Select(o => o.Target.ToString()).ToArray());
        Assert.All(plan.Opens, o => Assert.Equal((StreamMode.Line, "tcp"), (o.Mode, o.Kind)));
        Assert.Equal(
            [new ListenRequest("echo", "127.0.0.1", 7007, true), new ListenRequest("chargen", "0.0.0.0", 1919, false), new ListenRequest("tcp", "::1", 0, true)],
            plan.Listens);
    }

    [Theory]
    [InlineData("ftp://x:21", "--open 'ftp://x:21': unknown kind 'ftp' (this build offers tcp://HOST:PORT, tls://HOST:PORT, http(s)://URL)")]
    [InlineData("127.0.0.1:7", "--open '127.0.0.1:7': expected SCHEME://HOST:PORT, like tcp://127.0.0.1:7, or an http(s):// URL")]
    [InlineData("http://127.0.0.1:99999/", "--open 'http://127.0.0.1:99999/': URL 'http://127.0.0.1:99999/': the host or port is invalid")]
    [InlineData("https://exa mple.com/", "--open 'https://exa mple.com/': URL 'https://exa mple.com/': the host or port is invalid")]
    [InlineData("http://example.com/a b", "--open 'http://example.com/a b': URL 'http://example.com/a b': the path or query holds a space, a control character or a non-ASCII character (percent-encode it)")]
    [InlineData("http://example.com/#insecure", "--open 'http://example.com/#insecure': #insecure is for https:// URLs (plain http has no certificate to check)")]
    [InlineData("tcp://127.0.0.1:99999", "--open 'tcp://127.0.0.1:99999': bad address '127.0.0.1:99999': port 99999 is out of range (1-65535)")]
    public void BadOpenValuesAreUsageErrorsThatSayWhy(string open, string expected)
    {
        Assert.False(StartupPlan.TryParse([open], [], _catalog, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("ftp:21", "--listen 'ftp:21': unknown kind 'ftp' (this build offers echo, discard, chargen, daytime, qotd, chat, http, tcp)")]
    [InlineData("tcp+tls:0", "--listen 'tcp+tls:0': tcp listeners do not serve TLS")]
    [InlineData("echo", "--listen 'echo': expected KIND:PORT or KIND:ADDRESS:PORT, like echo:7007")]
    [InlineData("echo:x", "--listen 'echo:x': port 'x': not a number")]
    [InlineData("echo:localhost:7", "--listen 'echo:localhost:7': address 'localhost': not an IP address to bind (0.0.0.0 or :: for all)")]
    public void BadListenValuesAreUsageErrorsThatSayWhy(string listen, string expected)
    {
        Assert.False(StartupPlan.TryParse([], [listen], _catalog, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TlsSessionsAndTlsListenersAreAskedForByTheirSchemeAndSuffix()
    {
        Assert.True(StartupPlan.TryParse(["tls://example.com:443", "tls://127.0.0.1:8443?insecure"], ["echo+tls:0", "http:8080", "http+tls:[::1]:0"], _catalog, out var plan, out var error), error);

        Assert.Equal([("tls", "example.com:443", false), ("tls", "127.0.0.1:8443", true)], plan.Opens.Select(o => (o.Kind, o.Target.ToString(), o.Insecure)).ToArray());
        Assert.Equal([("echo", true), ("http", false), ("http", true)], plan.Listens.Select(l => (l.Kind, l.Tls)).ToArray());
    }

    [Fact]
    public void HttpAndHttpsUrlsOpenHttpSessionsThatGetThem()
    {
        Assert.True(StartupPlan.TryParse(["http://127.0.0.1:8080/a?b=c", "https://example.com", "HTTPS://[::1]:8443/x#insecure"], [], _catalog, out var plan, out var error), error);

        Assert.Equal(
            [
                ("http", "127.0.0.1:8080", "GET", "http://127.0.0.1:8080/a?b=c", false),
                ("http", "example.com:443", "GET", "https://example.com/", false),
                ("http", "[::1]:8443", "GET", "https://[::1]:8443/x", true),
            ],
            plan.Opens.Select(o => (o.Kind, o.Target.ToString(), o.Http!.Method, o.Http.Url.ToString(), o.Insecure)).ToArray());
        Assert.All(plan.Opens, o => Assert.Equal((false, 0, (byte[]?)null), (o.Http!.FollowRedirects, o.Http.Headers.Count, o.Http.Body)));
        Assert.Equal("GET https://example.com/", _catalog.FindSession("http")!.Create(plan.Opens[1]).Target);
    }

    [Fact]
    public void AnHttpHostAndPortIsReadAsAUrlWithItsDefaultPortLeftOut()
    {
        Assert.True(StartupPlan.TryParse(["http://127.0.0.1:80"], [], _catalog, out var plan, out var error), error);
        Assert.Equal("http://127.0.0.1/", plan.Opens.Single().Http!.Url.ToString());
    }

    [Fact]
    public void TheAppValidatesOptionsBeforeTakingTheTerminal()
    {
        Assert.Null(TuiApp.Validate(new TuiOptions { Demo = true, Listen = ["echo:0"] }));
        Assert.Equal("--listen 'echo:x': port 'x': not a number", TuiApp.Validate(new TuiOptions { Listen = ["echo:x"] }));
        Assert.Null(TuiApp.Validate(new TuiOptions { Open = ["https://example.com/"] }));
        Assert.Equal("--open 'https://': URL 'https://': the host or port is invalid", TuiApp.Validate(new TuiOptions { Open = ["https://"] }));
    }
}
