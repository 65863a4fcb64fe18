using NetScope.Core.Protocols;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Starts a TCP listener that runs any protocol on each accepted connection (echo, discard, a
/// protocol of your own); each connection is a session whose transcript records both directions.
/// </summary>
public sealed class ProtocolListenerStarter : IListenerStarter
{
    private readonly TcpListenerRequest _request;
    private readonly Func<IProtocol> _build;

    /// <summary>Creates the starter: <paramref name="kind"/> names the protocol ("echo"), <paramref name="build"/> makes one per connection.</summary>
    public ProtocolListenerStarter(string kind, TcpListenerRequest request, Func<IProtocol> build)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        Kind = kind;
        _request = request ?? throw new ArgumentNullException(nameof(request));
        _build = build ?? throw new ArgumentNullException(nameof(build));
    }

    /// <inheritdoc/>
    public string Kind { get; }

    /// <inheritdoc/>
    public string Target => _request.Describe();

    /// <inheritdoc/>
    public IListeningPort Start(ListenerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var factory = context.CreateAcceptingFactory(_ => _build(), new WrapOptions { RecordTranscript = true });
        return context.Reactor.ListenTcp(_request.Port, factory, _request.Backlog, _request.BindAddress);
    }
}
