using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using NetScope.Web.Server.Listeners;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Dialogs;

/// <summary>
/// Starts a listener: its kind, the address and port to bind, and line or raw framing for the kinds
/// where it matters. The dialog starts it and stays open until it listens; a bad field, or a port
/// already in use, is explained in the dialog.
/// </summary>
internal sealed class NewListenerDialog : FormDialog
{
    private readonly KindCatalog _catalog;
    private readonly Action<ListenRequest, Action<string?>> _start;
    private readonly OptionSelector _kind;
    private readonly TextField _host = new() { Text = "127.0.0.1" };
    private readonly TextField _port = new() { Text = "0" };
    private readonly OptionSelector _framing;
    private readonly CheckBox _tls = new() { Text = "serve over TLS (a self-signed certificate for localhost)", Height = 1, Width = Dim.Fill(1) };
    private readonly OptionSelector _http;
    private readonly TextField _root = new() { Text = string.Empty };
    private readonly TextField _status = new() { Text = "200" };
    private bool _starting;

    /// <summary>
    /// Creates the dialog; <paramref name="start"/> starts a listener and calls its second argument
    /// on the UI thread with <see langword="null"/> once it listens, or with the reason it could not.
    /// </summary>
    public NewListenerDialog(TuiStyle style, KindCatalog catalog, Action<ListenRequest, Action<string?>> start)
        : base(style, "New listener", "Start")
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _start = start ?? throw new ArgumentNullException(nameof(start));
        _kind = NewSessionDialog.Selector(catalog.Listeners.Select(l => l.Name));
        _framing = NewSessionDialog.Selector(["line", "raw"]);
        _http = NewSessionDialog.Selector(["echo", "files", "status"]);
        AddField("Kind:", _kind);
        AddField("Address:", _host);
        AddField("Port:", _port);
        AddField("Framing:", _framing);
        AddField("TLS:", _tls);
        AddField("HTTP:", _http);
        AddField("Root:", _root);
        AddField("Status:", _status);
        AddNote("port 0 picks a free one; framing matters for echo, chat and tcp;");
        AddNote("HTTP answers with an echo of the request, the files under Root, or Status");
        FinishLayout();
        _kind.SetFocus();
    }

    /// <summary>The kind choice (the catalog's order).</summary>
    public OptionSelector Kind => _kind;

    /// <summary>The bind address field.</summary>
    public TextField Address => _host;

    /// <summary>The port field.</summary>
    public TextField Port => _port;

    /// <summary>The TLS choice.</summary>
    public CheckBox Tls => _tls;

    /// <summary>The HTTP answer choice (0 echo, 1 files, 2 status).</summary>
    public OptionSelector Http => _http;

    /// <summary>The HTTP root directory field.</summary>
    public TextField Root => _root;

    /// <summary>The HTTP status field.</summary>
    public TextField Status => _status;

    /// <summary>What was started, once the listener listens.</summary>
    public ListenRequest? Started { get; private set; }

    /// <inheritdoc/>
    protected override string? Validate()
    {
        if (_starting)
        {
            return "starting: wait for the listener to answer";
        }

        return Parse(out _);
    }

    /// <inheritdoc/>
    protected override bool Confirm()
    {
        Parse(out var request);
        _starting = true;
        ShowProblem($"starting {request!.Kind} on {request.Host}:{request.Port}…");
        _start(request, problem =>
        {
            _starting = false;
            if (problem is null)
            {
                Started = request;
                Complete();
            }
            else
            {
                ShowProblem($"cannot listen: {problem}");
            }
        });
        return false;
    }

    private string? Parse(out ListenRequest? request)
    {
        request = null;
        if (!FieldParsers.TryBindAddress(_host.Text, out var host, out var hostProblem))
        {
            return hostProblem;
        }

        if (!FieldParsers.TryPort(_port.Text, allowAny: true, out var port, out var portProblem))
        {
            return portProblem;
        }

        var kind = _catalog.Listeners[Math.Clamp(_kind.Value ?? 0, 0, _catalog.Listeners.Count - 1)];
        var tls = _tls.Value == CheckState.Checked;
        if (tls && !kind.OffersTls)
        {
            return $"TLS: {kind.Name} listeners do not serve TLS";
        }

        var mode = _http.Value switch { 1 => HttpListenerMode.Directory, 2 => HttpListenerMode.Status, _ => HttpListenerMode.Echo };
        var root = string.IsNullOrWhiteSpace(_root.Text) ? null : _root.Text.Trim();
        if (kind.Name == "http" && mode == HttpListenerMode.Directory && root is not null && !Directory.Exists(root))
        {
            return $"root '{root}': no such directory";
        }

        var status = 200;
        if (kind.Name == "http" && mode == HttpListenerMode.Status
            && (!int.TryParse(_status.Text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out status) || status is < 100 or > 999))
        {
            return $"status '{_status.Text}': expected a code from 100 to 999";
        }

        request = new ListenRequest(kind.Name, host, port, _framing.Value != 1) { Tls = tls, HttpMode = mode, HttpRoot = root, HttpStatus = status };
        return null;
    }
}
