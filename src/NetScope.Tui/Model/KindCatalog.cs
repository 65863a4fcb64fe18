using NetScope.Core.Protocols.Classic;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;
using NetScope.Sessions.Streams;

namespace NetScope.Tui.Model;

/// <summary>
/// The session and listener kinds the TUI offers: the dialogs, <c>--open</c>/<c>--listen</c> and
/// the demo all read these lists, so a new kind (tls, http) is one entry here.
/// </summary>
internal sealed class KindCatalog
{
    /// <summary>Creates the catalog; <paramref name="time"/> is the clock the daytime listener reads.</summary>
    public KindCatalog(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Sessions =
        [
            new SessionChoice("tcp", "a TCP connection you type into, line by line or raw bytes", request =>
                new TcpSessionStarter(new TcpSessionRequest(request.Target) { Mode = request.Mode, LineEnding = request.LineEnding })),
        ];
        Listeners =
        [
            Classic("echo", "sends back what arrives (RFC 862)", ListenerKind.Echo, time),
            Classic("discard", "reads and throws away (RFC 863)", ListenerKind.Discard, time),
            Classic("chargen", "sends characters as fast as the client reads (RFC 864)", ListenerKind.Chargen, time),
            Classic("daytime", "sends the date and time, then closes (RFC 867)", ListenerKind.Daytime, time),
            Classic("qotd", "sends a quote, then closes (RFC 865)", ListenerKind.Qotd, time),
            Classic("chat", "relays each line to every other client", ListenerKind.Chat, time),
            new ListenerChoice("tcp", "each connection is a session you type into (like nc -l)", true, request =>
                new TcpListenerStarter(new TcpListenerRequest(request.Port) { BindAddress = request.Host, Mode = request.LineFraming ? StreamMode.Line : StreamMode.Raw })),
        ];
    }

    /// <summary>The session kinds, in the dialog's order.</summary>
    public IReadOnlyList<SessionChoice> Sessions { get; }

    /// <summary>The listener kinds, in the dialog's order.</summary>
    public IReadOnlyList<ListenerChoice> Listeners { get; }

    /// <summary>The session kind named <paramref name="name"/>, if offered.</summary>
    public SessionChoice? FindSession(string name) => Sessions.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The listener kind named <paramref name="name"/>, if offered.</summary>
    public ListenerChoice? FindListener(string name) => Listeners.FirstOrDefault(l => string.Equals(l.Name, name, StringComparison.OrdinalIgnoreCase));

    private static ListenerChoice Classic(string name, string description, ListenerKind kind, TimeProvider time) =>
        new(name, description, ListenerProtocols.HasFraming(kind), request =>
            new ClassicListenerStarter(new ListenerSettings(kind, request.Host, request.Port, request.LineFraming ? FramingMode.Line : FramingMode.Raw), time));
}
