using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>A kind of listener the TUI can start: its name (as <c>--listen NAME:PORT</c> and the dialog spell it) and how to start one.</summary>
/// <param name="Name">"echo", "chargen", "tcp", ...</param>
/// <param name="Description">One line for the dialog and the help.</param>
/// <param name="HasFraming">Whether line/raw framing changes what it does.</param>
/// <param name="Create">Builds the starter for a listen request.</param>
internal sealed record ListenerChoice(string Name, string Description, bool HasFraming, Func<ListenRequest, IListenerStarter> Create);
