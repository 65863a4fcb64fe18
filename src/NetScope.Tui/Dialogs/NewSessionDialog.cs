using System.Text;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Dialogs;

/// <summary>
/// Opens a session. For tcp and tls: host and port, line or raw mode, and the line ending line mode sends. For
/// http: the method, URL, header fields, body, a timeout, a proxy and whether to follow redirects (the two groups share their rows;
/// the kind shows one). Certificate verification and a CA file apply to tls and https; the server name (SNI) and
/// the ALPN protocols to offer share the tcp/tls group and apply to tls. A bad field is explained
/// in the dialog, which stays open.
/// </summary>
internal sealed class NewSessionDialog : FormDialog
{
    private static readonly (string Name, byte[] Bytes)[] Endings = [("CRLF", "\r\n"u8.ToArray()), ("LF", "\n"u8.ToArray())];
    private readonly KindCatalog _catalog;
    private readonly OptionSelector _kind;
    private readonly TextField _host = new() { Text = "127.0.0.1" };
    private readonly TextField _port = new() { Text = string.Empty };
    private readonly OptionSelector _mode;
    private readonly OptionSelector _ending;
    private readonly TextField _serverName = new() { Text = string.Empty };
    private readonly TextField _alpn = new() { Text = string.Empty };
    private readonly TextField _method = new() { Text = "GET" };
    private readonly TextField _url = new() { Text = string.Empty };
    private readonly TextField _headers = new() { Text = string.Empty };
    private readonly TextField _body = new() { Text = string.Empty };
    private readonly TextField _timeout = new() { Text = string.Empty };
    private readonly TextField _proxy = new() { Text = string.Empty };
    private readonly CheckBox _follow = new() { Text = "follow redirects; each hop is a session of its own", Height = 1, Width = Dim.Fill(1) };
    private readonly CheckBox _insecure = new() { Text = "do not verify the certificate (self-signed test servers)", Height = 1, Width = Dim.Fill(1) };
    private readonly TextField _ca = new() { Text = string.Empty };
    private readonly List<View> _streamViews = [];
    private readonly List<View> _httpViews = [];
    private readonly Label _note;
    private readonly Label _note2;

    public NewSessionDialog(TuiStyle style, KindCatalog catalog)
        : base(style, "New session", "Open")
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _kind = Selector(catalog.Sessions.Select(s => s.Name));
        _mode = Selector(["line", "raw"]);
        _ending = Selector(Endings.Select(e => e.Name));
        AddField("Kind:", _kind);
        var groupRow = NextRow;
        Group(_streamViews, ("Host:", _host), ("Port:", _port), ("Mode:", _mode), ("Ending:", _ending), ("SNI:", _serverName), ("ALPN:", _alpn));
        var streamEnd = NextRow;
        NextRow = groupRow;
        Group(_httpViews, ("Method:", _method), ("URL:", _url), ("Headers:", _headers), ("Body:", _body), ("Timeout:", _timeout), ("Proxy:", _proxy), ("Follow:", _follow));
        NextRow = Math.Max(streamEnd, NextRow);
        AddField("Verify:", _insecure);
        AddField("CA:", _ca);
        _note = AddNote(string.Empty);
        _note2 = AddNote(string.Empty);
        FinishLayout();
        _kind.ValueChanged += (_, _) => ShowKind();
        ShowKind();
        _port.SetFocus();
    }

    /// <summary>The host field.</summary>
    public TextField Host => _host;

    /// <summary>The port field.</summary>
    public TextField Port => _port;

    /// <summary>The mode choice (0 line, 1 raw).</summary>
    public OptionSelector Mode => _mode;

    /// <summary>The line ending choice (CRLF, LF).</summary>
    public OptionSelector Ending => _ending;

    /// <summary>The kind choice (the catalog's order).</summary>
    public OptionSelector Kind => _kind;

    /// <summary>For tls: the server name to send as SNI and check the certificate against (empty: the host).</summary>
    public TextField ServerName => _serverName;

    /// <summary>For tls: the ALPN protocols to offer, comma-separated, most preferred first (empty: none).</summary>
    public TextField Alpn => _alpn;

    /// <summary>For TLS: skip certificate verification.</summary>
    public CheckBox Insecure => _insecure;

    /// <summary>For TLS: a PEM file of the authorities to trust (empty: the system's store).</summary>
    public TextField Ca => _ca;

    /// <summary>For http: the method field (GET to start with).</summary>
    public TextField Method => _method;

    /// <summary>For http: the URL field.</summary>
    public TextField Url => _url;

    /// <summary>For http: the header fields, <c>Name: value</c>, separated by <c>;</c>.</summary>
    public TextField Headers => _headers;

    /// <summary>For http: the body (empty: none).</summary>
    public TextField Body => _body;

    /// <summary>For http: seconds for the whole exchange (empty: no limit).</summary>
    public TextField Timeout => _timeout;

    /// <summary>For http: the proxy, an http:// URL or host:port (empty: none).</summary>
    public TextField Proxy => _proxy;

    /// <summary>For http: follow redirects.</summary>
    public CheckBox FollowRedirects => _follow;

    /// <summary>Whether the http fields are the ones shown.</summary>
    public bool ShowsHttp => SelectedKind.Name == "http";

    /// <summary>What to open, once the dialog was confirmed with valid fields.</summary>
    public OpenRequest? Request { get; private set; }

    private SessionChoice SelectedKind => _catalog.Sessions[Math.Clamp(_kind.Value ?? 0, 0, _catalog.Sessions.Count - 1)];

    /// <summary>Chooses the kind by name and shows its fields.</summary>
    public void SelectKind(string name)
    {
        var index = _catalog.Sessions.ToList().FindIndex(s => s.Name == name);
        if (index < 0)
        {
            throw new ArgumentException($"no {name} sessions in this build", nameof(name));
        }

        _kind.Value = index;
        ShowKind();
    }

    /// <inheritdoc/>
    protected override string? Validate() => Parse(out _);

    /// <inheritdoc/>
    protected override bool Confirm()
    {
        Parse(out var request);
        Request = request;
        return true;
    }

    internal static OptionSelector Selector(IEnumerable<string> labels) =>
        new() { Labels = labels.ToArray(), Orientation = Orientation.Horizontal, HorizontalSpace = 1, Height = 1, Width = Dim.Fill(1) };

    private void Group(List<View> into, params (string Label, View Field)[] fields)
    {
        foreach (var (label, field) in fields)
        {
            into.Add(AddField(label, field));
            into.Add(field);
        }
    }

    private void ShowKind()
    {
        var http = ShowsHttp;
        foreach (var view in _streamViews)
        {
            view.Visible = !http;
        }

        foreach (var view in _httpViews)
        {
            view.Visible = http;
        }

        _note.Text = http
            ? "headers: Name: value; Other: value (; splits where a Name: follows)"
            : "line: Enter sends a line and its ending; raw: escapes like \\r \\x00";
        _note2.Text = http
            ? "body: sent as typed (UTF-8), with Content-Length; Verify, CA: https"
            : "tls: SNI (empty: the host), ALPN (h2,http/1.1), CA (a PEM file to trust)";
    }

    private string? Parse(out OpenRequest? request)
    {
        request = null;
        var kind = SelectedKind;
        if (!HttpFieldParsers.TryCaFile(_ca.Text, out var authorities, out var caProblem))
        {
            return caProblem;
        }

        var insecure = _insecure.Value == CheckState.Checked;
        if (kind.Name == "http")
        {
            if (!HttpFieldParsers.TryMethod(_method.Text, out var method, out var methodProblem))
            {
                return methodProblem;
            }

            if (!HttpFieldParsers.TryUrl(_url.Text, out var url, out var urlProblem))
            {
                return urlProblem;
            }

            if (!HttpFieldParsers.TryHeaders(_headers.Text, out var headers, out var headersProblem))
            {
                return headersProblem;
            }

            if (!HttpFieldParsers.TryTimeout(_timeout.Text, out var timeout, out var timeoutProblem))
            {
                return timeoutProblem;
            }

            if (!HttpFieldParsers.TryProxy(_proxy.Text, out var proxy, out var proxyProblem))
            {
                return proxyProblem;
            }

            var body = _body.Text ?? string.Empty;
            var http = new HttpRequestSpec(method, url)
            {
                Headers = headers,
                Body = body.Length == 0 ? null : Encoding.UTF8.GetBytes(body),
                FollowRedirects = _follow.Value == CheckState.Checked,
                TimeoutSeconds = timeout,
                Proxy = proxy,
            };
            request = OpenRequest.ForHttp(http) with { Insecure = insecure, TrustedAuthorities = authorities };
            return null;
        }

        if (!FieldParsers.TryHost(_host.Text, out var host, out var hostProblem))
        {
            return hostProblem;
        }

        if (!FieldParsers.TryPort(_port.Text, allowAny: false, out var port, out var portProblem))
        {
            return portProblem;
        }

        if (!TlsFieldParsers.TryServerName(_serverName.Text, out var serverName, out var serverNameProblem))
        {
            return serverNameProblem;
        }

        if (!TlsFieldParsers.TryAlpn(_alpn.Text, out var alpn, out var alpnProblem))
        {
            return alpnProblem;
        }

        var ending = Endings[Math.Clamp(_ending.Value ?? 0, 0, Endings.Length - 1)].Bytes;
        request = new OpenRequest(kind.Name, new HostPort(host, port), _mode.Value == 1 ? StreamMode.Raw : StreamMode.Line, ending)
        {
            Insecure = insecure,
            TrustedAuthorities = authorities,
            ServerName = serverName,
            ApplicationProtocols = alpn,
        };
        return null;
    }
}
