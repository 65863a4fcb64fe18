using NetScope.Core.Defer;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Workspaces;

namespace NetScope.Tui.App;

/// <summary>Opens a session like another starter does, then runs a script on it once it is open (the demo's sessions).</summary>
internal sealed class ScriptedStarter : ISessionStarter
{
    private readonly ISessionStarter _inner;
    private readonly IReadOnlyList<ScriptStep> _steps;
    private readonly string _label;
    private SessionContext? _context;

    /// <summary>Creates the starter; <paramref name="label"/> names the script's Deferred in the chain tree.</summary>
    public ScriptedStarter(ISessionStarter inner, IReadOnlyList<ScriptStep> steps, string label)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _steps = steps ?? throw new ArgumentNullException(nameof(steps));
        _label = label;
    }

    /// <inheritdoc/>
    public string Kind => _inner.Kind;

    /// <inheritdoc/>
    public string Target => _inner.Target;

    /// <inheritdoc/>
    public void Start(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _inner.Start(context);
        context.Session.WhenOpen().AddCallback<Session>(RunScript);
    }

    private Deferred RunScript(Session session) => ScriptRunner.Run(session.Stream!, _steps, _context!.Reactor).WithLabel(_label);
}
