using NetScope.Core.Reactor;
using NetScope.Core.Tls;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>A kind of listener the TUI can start: its name (as <c>--listen NAME:PORT</c> and the dialog spell it) and how to start one.</summary>
/// <param name="Name">"echo", "http", "tcp", ...</param>
/// <param name="Description">One line for the dialog and the help.</param>
/// <param name="HasFraming">Whether line/raw framing changes what it does.</param>
/// <param name="OffersTls">Whether it can serve over TLS.</param>
/// <param name="Create">Builds the starter for a listen request on a reactor, with the TLS server options when it serves over TLS.</param>
internal sealed record ListenerChoice(string Name, string Description, bool HasFraming, bool OffersTls, Func<ListenRequest, TlsServerOptions?, IReactor, IListenerStarter> Create);
