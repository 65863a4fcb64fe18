using System.Net;
using NetScope.Core.Observation;
using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Observation;

/// <summary>The factory of a workspace listener: each accepted connection becomes a session with its own wrapped protocol.</summary>
internal sealed class AcceptingFactory : IProtocolFactory
{
    private readonly Workspace _workspace;
    private readonly Listener _listener;
    private readonly string _kind;
    private readonly Func<SessionContext, IProtocol> _build;
    private readonly WrapOptions _options;

    public AcceptingFactory(Workspace workspace, Listener listener, string kind, Func<SessionContext, IProtocol> build, WrapOptions options)
    {
        _workspace = workspace;
        _listener = listener;
        _kind = kind;
        _build = build;
        _options = options;
    }

    /// <inheritdoc/>
    public IProtocol? BuildProtocol(EndPoint address)
    {
        var session = _workspace.AcceptSession(_listener, _kind, address);
        using (ObservationScope.Enter(session))
        {
            try
            {
                var context = new SessionContext(_workspace, session);
                return context.Wrap(_build(context), _options);
            }
            catch (Exception exception)
            {
                _workspace.EndSession(session, exception);
                throw;
            }
        }
    }

    /// <inheritdoc/>
    public void DoStart()
    {
    }

    /// <inheritdoc/>
    public void DoStop()
    {
    }
}
