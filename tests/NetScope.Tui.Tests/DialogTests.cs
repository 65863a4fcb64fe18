using NetScope.Sessions.Streams;
using NetScope.Tui.Dialogs;
using NetScope.Tui.Model;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

public sealed class DialogTests
{
    private readonly KindCatalog _catalog = new(TimeProvider.System);

    [Theory]
    [InlineData("127.0.0.1", "99999", "port 99999: out of range (1-65535)")]
    [InlineData("127.0.0.1", "http", "port 'http': not a number")]
    [InlineData("127.0.0.1", "", "port: required")]
    [InlineData("no such host!", "80", "host 'no such host!': not a host name or IP address")]
    [InlineData("", "80", "host: required")]
    public void ANewSessionWithABadHostOrPortIsExplainedInTheDialogWhichStaysOpen(string host, string port, string problem)
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.Host.Text = host;
        dialog.Port.Text = port;
        SubmitAndExpectProblem(app, dialog, dialog.Port, problem);
        Assert.Null(dialog.Request);
        app.End(token);
    }

    [Fact]
    public void AValidNewSessionClosesTheDialogWithTheRequest()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.Port.Text = "7007";
        dialog.Mode.Value = 1;
        dialog.Port.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal(string.Empty, dialog.Problem);
        Assert.True(dialog.StopRequested);
        Assert.False(dialog.Canceled);
        Assert.Equal(("tcp", "127.0.0.1:7007", StreamMode.Raw, "\r\n"), (dialog.Request!.Kind, dialog.Request.Target.ToString(), dialog.Request.Mode, System.Text.Encoding.ASCII.GetString(dialog.Request.LineEnding)));
        app.End(token);
    }

    [Theory]
    [InlineData("no such name!", "", "server name 'no such name!': not a host name or IP address")]
    [InlineData("", "h2,,http/1.1", "ALPN 'h2,,http/1.1': an empty protocol name (write names like h2, http/1.1)")]
    [InlineData("", "h2,", "ALPN 'h2,': an empty protocol name (write names like h2, http/1.1)")]
    [InlineData("", ",", "ALPN ',': an empty protocol name (write names like h2, http/1.1)")]
    public void ABadServerNameOrAlpnListIsExplainedInTheDialogWhichStaysOpen(string serverName, string alpn, string problem)
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("tls");
        dialog.Port.Text = "443";
        dialog.ServerName.Text = serverName;
        dialog.Alpn.Text = alpn;
        SubmitAndExpectProblem(app, dialog, dialog.Alpn, problem);
        Assert.Null(dialog.Request);
        app.End(token);
    }

    [Fact]
    public void AnAlpnNameOfMoreThan255BytesIsRefusedAndOneOf255IsAccepted()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("tls");
        dialog.Port.Text = "443";
        dialog.Alpn.Text = "h2, " + new string('é', 128);
        dialog.Alpn.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal($"ALPN '{new string('é', 12)}…': 256 bytes, at most 255", dialog.Problem);
        Assert.Null(dialog.Request);

        dialog.Alpn.Text = "h2, " + new string('é', 127) + "x";
        app.InjectKey(Key.Enter);

        Assert.Equal(string.Empty, dialog.Problem);
        Assert.Equal(["h2", new string('é', 127) + "x"], dialog.Request!.ApplicationProtocols);
        app.End(token);
    }

    [Fact]
    public void ATlsSessionRequestCarriesTheServerNameAndTheAlpnProtocolsInOrder()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("tls");
        dialog.Port.Text = "8443";
        dialog.ServerName.Text = " api.example ";
        dialog.Alpn.Text = " h2 , http/1.1 ";
        dialog.Alpn.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal(string.Empty, dialog.Problem);
        Assert.True(dialog.StopRequested);
        var request = dialog.Request!;
        Assert.Equal(("tls", "127.0.0.1:8443", "api.example"), (request.Kind, request.Target.ToString(), request.ServerName));
        Assert.Equal(["h2", "http/1.1"], request.ApplicationProtocols);
        app.End(token);
    }

    [Fact]
    public void EmptyServerNameAndAlpnFieldsMeanTheHostAndNoAlpn()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.SelectKind("tls");
        dialog.Port.Text = "8443";
        dialog.Port.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.True(dialog.StopRequested);
        Assert.Null(dialog.Request!.ServerName);
        Assert.Empty(dialog.Request.ApplicationProtocols);
        app.End(token);
    }

    [Fact]
    public void TheNewSessionDialogLaysOutItsFields()
    {
        using var app = Headless.Create(80, 20);
        using var dialog = new NewSessionDialog(Headless.Mono, _catalog);
        var token = app.Begin(dialog)!;
        app.LayoutAndDraw();
        var screen = string.Join('\n', Headless.Trimmed(app));

        foreach (var expected in new[] { "New session", "Kind:", "tcp", "Host:", "127.0.0.1", "Port:", "Mode:", "line", "raw", "Ending:", "CRLF", "LF", "SNI:", "ALPN:", "Cancel", "Open" })
        {
            Assert.Contains(expected, screen, StringComparison.Ordinal);
        }

        app.End(token);
    }

    [Fact]
    public void EveryListenerKindIsVisibleInTheDialog()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewListenerDialog(Headless.Colour, _catalog, (_, _) => { });
        var token = app.Begin(dialog)!;
        app.LayoutAndDraw();
        var kinds = Headless.Screen(app).Single(r => r.Contains("Kind:", StringComparison.Ordinal));

        Assert.All(_catalog.Listeners, k => Assert.Contains(" " + k.Name + " ", kinds + " ", StringComparison.Ordinal));
        app.End(token);
    }

    [Fact]
    public void TlsIsRefusedForAListenerKindThatCannotServeIt()
    {
        using var app = Headless.Create(100, 30);
        var started = new List<ListenRequest>();
        using var dialog = new NewListenerDialog(Headless.Colour, _catalog, (request, _) => started.Add(request));
        var token = app.Begin(dialog)!;
        dialog.Kind.Value = _catalog.Listeners.ToList().FindIndex(l => l.Name == "tcp");
        dialog.Tls.Value = Terminal.Gui.Views.CheckState.Checked;
        dialog.Port.SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal("TLS: tcp listeners do not serve TLS", dialog.Problem);
        Assert.Empty(started);
        app.End(token);
    }

    [Theory]
    [InlineData("localhost", "0", "address 'localhost': not an IP address to bind (0.0.0.0 or :: for all)")]
    [InlineData("127.0.0.1", "65536", "port 65536: out of range (0-65535)")]
    [InlineData("127.0.0.1", "x", "port 'x': not a number")]
    public void ANewListenerWithABadAddressOrPortIsExplainedInTheDialogAndNothingStarts(string address, string port, string problem)
    {
        using var app = Headless.Create(100, 30);
        var started = new List<ListenRequest>();
        using var dialog = new NewListenerDialog(Headless.Colour, _catalog, (request, _) => started.Add(request));
        var token = app.Begin(dialog)!;
        dialog.Address.Text = address;
        dialog.Port.Text = port;
        SubmitAndExpectProblem(app, dialog, dialog.Port, problem);
        Assert.Empty(started);
        app.End(token);
    }

    [Fact]
    public void AListenerThatCannotBindKeepsTheDialogOpenWithTheReason()
    {
        using var app = Headless.Create(100, 30);
        Action<string?>? finish = null;
        ListenRequest? asked = null;
        using var dialog = new NewListenerDialog(Headless.Colour, _catalog, (request, done) => (asked, finish) = (request, done));
        var token = app.Begin(dialog)!;
        dialog.Kind.Value = 2;
        dialog.Port.Text = "7007";
        dialog.Port.SetFocus();
        app.InjectKey(Key.Enter);
        Assert.Equal("starting chargen on 127.0.0.1:7007…", dialog.Problem);
        Assert.Equal(new ListenRequest("chargen", "127.0.0.1", 7007, true), asked);

        finish!("address already in use");
        app.LayoutAndDraw();

        Assert.Equal("cannot listen: address already in use", dialog.Problem);
        Assert.Contains(Headless.Screen(app), row => row.Contains("cannot listen: address already in use", StringComparison.Ordinal));
        Assert.False(dialog.StopRequested);
        Assert.Null(dialog.Started);

        app.InjectKey(Key.Enter);
        finish!(null);
        Assert.True(dialog.StopRequested);
        Assert.False(dialog.Canceled);
        Assert.Equal("chargen", dialog.Started!.Kind);
        app.End(token);
    }

    [Fact]
    public void EnterOnAListenerKindOptionChoosesItMovesToTheNextFieldAndStartsNothing()
    {
        using var app = Headless.Create(100, 30);
        var started = new List<ListenRequest>();
        using var dialog = new NewListenerDialog(Headless.Colour, _catalog, (request, _) => started.Add(request));
        var token = app.Begin(dialog)!;
        dialog.Port.Text = "7007";
        Option(dialog.Kind, 2).SetFocus();
        app.InjectKey(Key.Enter);

        Assert.Equal(2, dialog.Kind.Value);
        Assert.Empty(started);
        Assert.Equal(string.Empty, dialog.Problem);
        Assert.False(dialog.StopRequested);
        Assert.True(dialog.Address.HasFocus);
        app.InjectKey(Key.Enter);
        Assert.Equal([new ListenRequest("chargen", "127.0.0.1", 7007, true)], started);
        app.End(token);
    }

    [Fact]
    public void EnterOnASessionOptionChoosesItAndMovesToTheNextShownFieldWithoutOpeningOrValidating()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        Option(dialog.Mode, 1).SetFocus();
        app.InjectKey(Key.Enter);
        Assert.True(dialog.Ending.HasFocus);
        Option(dialog.Kind, 1).SetFocus();
        app.InjectKey(Key.Enter);
        Assert.True(dialog.Host.HasFocus);

        Assert.Equal((1, 1), (dialog.Kind.Value, dialog.Mode.Value));
        Assert.Equal(string.Empty, dialog.Problem); // the empty port was not even checked
        Assert.False(dialog.StopRequested);
        Assert.Null(dialog.Request);

        Option(dialog.Kind, 2).SetFocus();
        app.InjectKey(Key.Enter); // http: its first field is the method, the host's row now
        Assert.True(dialog.Method.HasFocus);
        Option(dialog.Kind, 2).SetFocus();
        app.InjectKey(Key.Enter); // on the option already chosen: still no confirmation
        Assert.False(dialog.StopRequested);
        Assert.Equal(2, dialog.Kind.Value);
        app.End(token);
    }

    [Fact]
    public void EscapeCancelsADialogWithoutARequest()
    {
        using var app = Headless.Create(100, 30);
        using var dialog = new NewSessionDialog(Headless.Colour, _catalog);
        var token = app.Begin(dialog)!;
        dialog.Port.Text = "7";
        app.InjectKey(Key.Esc);

        Assert.True(dialog.Canceled);
        Assert.Null(dialog.Request);
        app.End(token);
    }

    private static CheckBox Option(OptionSelector selector, int index) => selector.SubViews.OfType<CheckBox>().ElementAt(index);

    /// <summary>Presses Enter in <paramref name="field"/>: the dialog must explain <paramref name="problem"/> on screen and stay open.</summary>
    private static void SubmitAndExpectProblem(IApplication app, FormDialog dialog, View field, string problem)
    {
        field.SetFocus();
        app.InjectKey(Key.Enter);
        app.LayoutAndDraw();

        Assert.Equal(problem, dialog.Problem);
        Assert.Contains(Headless.Screen(app), row => row.Contains(problem, StringComparison.Ordinal));
        Assert.False(dialog.StopRequested);
    }
}
