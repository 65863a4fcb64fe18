using NetScope.Tui.Dialogs;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

/// <summary>The http kind of the new-session dialog: its fields, their checks, and the request it makes.</summary>
public sealed class HttpDialogTests
{
    private readonly KindCatalog _catalog = new(TimeProvider.System);

    [Fact]
    public void TheHttpKindIsOfferedAndChoosingItShowsTheRequestFieldsInPlaceOfHostAndPort()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Mono, _catalog);
        var token = app.Begin(dialog)!;
        app.LayoutAndDraw();
        Assert.Contains(Headless.Trimmed(app), r => r.Contains("Kind:    ◉ tcp ○ tls ○ http", StringComparison.Ordinal));

        dialog.SelectKind("http");
        app.LayoutAndDraw();
        var screen = Headless.Trimmed(app);

        Assert.True(dialog.ShowsHttp);
        Assert.Contains(screen, r => r.Contains("Kind:    ○ tcp ○ tls ◉ http", StringComparison.Ordinal));
        Assert.Contains(screen, r => r.Contains("Method:  GET", StringComparison.Ordinal));
        foreach (var label in new[] { "URL:", "Headers:", "Body:", "Timeout:", "Proxy:", "Follow:  ☐ follow redirects", "Verify:", "CA:", "headers: Name: value; Other: value" })
        {
            Assert.Contains(screen, r => r.Contains(label, StringComparison.Ordinal));
        }

        Assert.DoesNotContain(screen, r => r.Contains("Host:", StringComparison.Ordinal) || r.Contains("Port:", StringComparison.Ordinal) || r.Contains("Ending:", StringComparison.Ordinal));
        app.End(token);
    }

    [Theory]
    [InlineData("GET", "", "", "URL: required (http://HOST[:PORT]/PATH or https://…)")]
    [InlineData("GET", "ftp://example.com/", "", "URL 'ftp://example.com/': it must start with http:// or https://")]
    [InlineData("GET", "http://exa mple.com/", "", "URL 'http://exa mple.com/': the host or port is invalid")]
    [InlineData("GET", "http://127.0.0.1:99999/", "", "URL 'http://127.0.0.1:99999/': the host or port is invalid")]
    [InlineData("", "http://127.0.0.1/", "", "method: required (GET, POST, …)")]
    [InlineData("GE T", "http://127.0.0.1/", "", "method 'GE T': not a token (like GET or POST)")]
    [InlineData("CONNECT", "http://127.0.0.1/", "", "method CONNECT: not offered (it opens a tunnel through a proxy)")]
    [InlineData("GET", "http://127.0.0.1/", "no colon here", "header 'no colon here': expected Name: value")]
    [InlineData("GET", "http://127.0.0.1/", "Bad Name: 2", "header 'Bad Name: 2': 'Bad Name' is not a field name (letters, digits and !#$%&'*+-.^_`|~, no spaces)")]
    [InlineData("GET", "http://127.0.0.1/", "X-Bell: \a", "header 'X-Bell: \a': the value holds a control character or a character above U+00FF")]
    public void ABadMethodUrlOrHeaderIsExplainedInTheDialogWhichStaysOpen(string method, string url, string headers, string problem)
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("http");
        dialog.Method.Text = method;
        dialog.Url.Text = url;
        dialog.Headers.Text = headers;
        dialog.Url.SetFocus();
        app.InjectKey(Key.Enter);
        app.LayoutAndDraw();

        Assert.Equal(problem, dialog.Problem);
        Assert.False(dialog.StopRequested);
        Assert.Null(dialog.Request);
        app.End(token);
    }

    [Fact]
    public void AnUnreadableCaFileIsExplainedInTheDialog()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("http");
        dialog.Url.Text = "https://127.0.0.1/";
        dialog.Ca.Text = "/nonexistent/ca.pem";
        dialog.Url.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.StartsWith("CA '/nonexistent/ca.pem': ", dialog.Problem, StringComparison.Ordinal);
        Assert.False(dialog.StopRequested);
        app.End(token);
    }

    [Fact]
    public void AValidRequestClosesTheDialogWithMethodUrlHeadersBodyAndOptions()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("http");
        dialog.Method.Text = "PUT";
        dialog.Url.Text = "127.0.0.1:8080/items/1?x=1";
        dialog.Headers.Text = "Content-Type: text/plain; charset=utf-8; Cookie: a=1; b=2;X-Empty:";
        dialog.Body.Text = "héllo";
        dialog.Timeout.Text = " 2.5 ";
        dialog.Proxy.Text = "127.0.0.1:3128";
        dialog.FollowRedirects.Value = CheckState.Checked;
        dialog.Insecure.Value = CheckState.Checked;
        dialog.Url.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal(string.Empty, dialog.Problem);
        Assert.True(dialog.StopRequested);
        var request = dialog.Request!;
        var http = request.Http!;
        Assert.Equal(("http", "127.0.0.1:8080", true), (request.Kind, request.Target.ToString(), request.Insecure));
        Assert.Equal(("PUT", "http://127.0.0.1:8080/items/1?x=1", true), (http.Method, http.Url.ToString(), http.FollowRedirects));
        Assert.Equal(
            [("Content-Type", "text/plain; charset=utf-8"), ("Cookie", "a=1; b=2"), ("X-Empty", string.Empty)],
            http.Headers.Select(h => (h.Name, h.Value)).ToArray());
        Assert.Equal("héllo"u8.ToArray(), http.Body);
        Assert.Equal(2.5, http.TimeoutSeconds);
        Assert.Equal("http://127.0.0.1:3128", http.Proxy?.ToString());
        Assert.Equal("PUT http://127.0.0.1:8080/items/1?x=1", _catalog.FindSession("http")!.Create(request).Target);
        app.End(token);
    }

    [Fact]
    public void AnEmptyBodySendsNoneAndGetIsTheDefaultMethod()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("http");
        dialog.Url.Text = "https://[::1]/";
        dialog.Url.SetFocus();
        app.InjectKey(Key.Enter);

        var http = dialog.Request!.Http!;
        Assert.Equal(("GET", "https://[::1]/", false, 0, 0.0), (http.Method, http.Url.ToString(), http.FollowRedirects, http.Headers.Count, http.TimeoutSeconds));
        Assert.Null(http.Body);
        Assert.Null(http.Proxy);
        Assert.Equal("[::1]:443", dialog.Request.Target.ToString());
        app.End(token);
    }

    [Theory]
    [InlineData("0", "", "timeout '0': not a number of seconds above 0 and at most 86400 (empty: no limit)")]
    [InlineData("-1", "", "timeout '-1': not a number of seconds above 0 and at most 86400 (empty: no limit)")]
    [InlineData("5s", "", "timeout '5s': not a number of seconds above 0 and at most 86400 (empty: no limit)")]
    [InlineData("1,5", "", "timeout '1,5': not a number of seconds above 0 and at most 86400 (empty: no limit)")]
    [InlineData("86401", "", "timeout '86401': not a number of seconds above 0 and at most 86400 (empty: no limit)")]
    [InlineData("", "https://127.0.0.1:3128", "proxy 'https://127.0.0.1:3128': only http:// proxies are supported")]
    [InlineData("", "exa mple:3128", "proxy 'exa mple:3128': the host or port is invalid")]
    [InlineData("", "127.0.0.1:99999", "proxy '127.0.0.1:99999': the host or port is invalid")]
    public void ABadTimeoutOrProxyIsExplainedInTheDialogWhichStaysOpen(string timeout, string proxy, string problem)
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("http");
        dialog.Url.Text = "http://127.0.0.1/";
        dialog.Timeout.Text = timeout;
        dialog.Proxy.Text = proxy;
        dialog.Url.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal(problem, dialog.Problem);
        Assert.False(dialog.StopRequested);
        Assert.Null(dialog.Request);
        app.End(token);
    }

    [Theory]
    [InlineData("A: 1", new[] { "A: 1" })]
    [InlineData("A: 1; B: 2", new[] { "A: 1", " B: 2" })]
    [InlineData("Accept: text/html; q=0.9", new[] { "Accept: text/html; q=0.9" })]
    [InlineData("Referer: http://x/; Via: 1.1 p", new[] { "Referer: http://x/", " Via: 1.1 p" })]
    [InlineData("", new[] { "" })]
    public void HeaderFieldsSplitOnlyWhereANameAndAColonFollowTheSemicolon(string text, string[] expected)
    {
        Assert.Equal(expected, HttpFieldParsers.SplitFields(text).ToArray());
    }

    [Fact]
    public void TheFieldsOfTheTcpKindAreStillTheOnesShownFirst()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Mono, _catalog);
        var token = app.Begin(dialog)!;
        app.LayoutAndDraw();
        var screen = string.Join('\n', Headless.Trimmed(app));

        Assert.False(dialog.ShowsHttp);
        Assert.DoesNotContain("Method:", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("URL:", screen, StringComparison.Ordinal);
        Assert.Contains("tls: SNI (empty: the host), ALPN (h2,http/1.1), CA", screen, StringComparison.Ordinal);
        app.End(token);
    }
}
