using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Tui.Input;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Dialogs;

/// <summary>
/// Opens a session: its kind, host and port, line or raw mode, and the line ending line mode sends.
/// A bad host or port is explained in the dialog, which stays open.
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
    private readonly CheckBox _insecure = new() { Text = "TLS: go on whatever certificate verification finds (self-signed peers)", Height = 1, Width = Dim.Fill(1) };

    public NewSessionDialog(TuiStyle style, KindCatalog catalog)
        : base(style, "New session", "Open")
    {
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        _kind = Selector(catalog.Sessions.Select(s => s.Name));
        _mode = Selector(["line", "raw"]);
        _ending = Selector(Endings.Select(e => e.Name));
        AddField("Kind:", _kind);
        AddField("Host:", _host);
        AddField("Port:", _port);
        AddField("Mode:", _mode);
        AddField("Ending:", _ending);
        AddField("Verify:", _insecure);
        AddNote("line: Enter sends a line and its ending; raw: escapes like \\r \\x00");
        FinishLayout();
        _port.SetFocus();
    }

    /// <summary>The host field.</summary>
    public TextField Host => _host;

    /// <summary>The port field.</summary>
    public TextField Port => _port;

    /// <summary>The mode choice (0 line, 1 raw).</summary>
    public OptionSelector Mode => _mode;

    /// <summary>The kind choice (the catalog's order).</summary>
    public OptionSelector Kind => _kind;

    /// <summary>For TLS: skip certificate verification.</summary>
    public CheckBox Insecure => _insecure;

    /// <summary>What to open, once the dialog was confirmed with valid fields.</summary>
    public OpenRequest? Request { get; private set; }

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

    private string? Parse(out OpenRequest? request)
    {
        request = null;
        if (!FieldParsers.TryHost(_host.Text, out var host, out var hostProblem))
        {
            return hostProblem;
        }

        if (!FieldParsers.TryPort(_port.Text, allowAny: false, out var port, out var portProblem))
        {
            return portProblem;
        }

        var kind = _catalog.Sessions[Math.Clamp(_kind.Value ?? 0, 0, _catalog.Sessions.Count - 1)];
        var ending = Endings[Math.Clamp(_ending.Value ?? 0, 0, Endings.Length - 1)].Bytes;
        request = new OpenRequest(kind.Name, new HostPort(host, port), _mode.Value == 1 ? StreamMode.Raw : StreamMode.Line, ending)
        {
            Insecure = _insecure.Value == CheckState.Checked,
        };
        return null;
    }
}
