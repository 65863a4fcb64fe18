using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.Model;

/// <summary>A kind of session the TUI can open: its name (the scheme of <c>--open SCHEME://...</c>) and how to open one.</summary>
/// <param name="Name">"tcp", ...</param>
/// <param name="Description">One line for the dialog and the help.</param>
/// <param name="Create">Builds the starter for an open request.</param>
internal sealed record SessionChoice(string Name, string Description, Func<OpenRequest, ISessionStarter> Create);
