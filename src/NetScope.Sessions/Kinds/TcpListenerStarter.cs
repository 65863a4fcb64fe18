using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>Starts a TCP listener whose accepted connections are line/raw stream sessions.</summary>
public sealed class TcpListenerStarter : IListenerStarter
{
    private readonly TcpListenerRequest _request;

    /// <summary>Creates the starter for <paramref name="request"/>.</summary>
    public TcpListenerStarter(TcpListenerRequest request)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
    }

    /// <inheritdoc/>
    public string Kind => "tcp";

    /// <inheritdoc/>
    public string Target => _request.Describe();

    /// <inheritdoc/>
    public IListeningPort Start(ListenerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = context.CreateAcceptingFactory(session => session.CreateStream(_request.Mode), new WrapOptions { RecordTranscript = false });
        return context.Reactor.ListenTcp(_request.Port, factory, _request.Backlog, _request.BindAddress);
    }
}
