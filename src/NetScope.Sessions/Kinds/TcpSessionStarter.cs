using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>Starts a TCP line/raw session: a <see cref="Streams.StreamSession"/> over a TCP connection.</summary>
public sealed class TcpSessionStarter : ISessionStarter
{
    private readonly TcpSessionRequest _request;

    /// <summary>Creates the starter for <paramref name="request"/>.</summary>
    public TcpSessionStarter(TcpSessionRequest request)
    {
        _request = request ?? throw new ArgumentNullException(nameof(request));
    }

    /// <inheritdoc/>
    public string Kind => "tcp";

    /// <inheritdoc/>
    public string Target => _request.Target.ToString();

    /// <inheritdoc/>
    public void Start(SessionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var stream = context.CreateStream(_request.Mode);
        stream.LineEnding = _request.LineEnding;
        var factory = context.CreateClientFactory(stream, new WrapOptions { RecordTranscript = false });
        context.Reactor.ConnectTcp(_request.Target.Host, _request.Target.Port, factory, _request.TimeoutSeconds);
    }
}
