using NetScope.Core.Protocols;
using NetScope.Core.Tls;
using NetScope.Sessions.Listeners;
using NetScope.Sessions.Workspaces;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Starts one of the ready-made listeners (echo, discard, chargen, daytime, qotd, chat) in a
/// workspace: a <see cref="TrackedListenerStarter"/> serving <see cref="ListenerProtocols"/>.
/// </summary>
public sealed class ClassicListenerStarter : IListenerStarter
{
    private readonly TrackedListenerStarter _starter;

    /// <summary>Creates the starter; with <paramref name="tls"/> the listener serves over TLS.</summary>
    public ClassicListenerStarter(
        ListenerSettings settings, TimeProvider time, IReadOnlyList<IListenerObserver>? observers = null, TlsServerOptions? tls = null, TlsLayerOptions? tlsLayer = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _starter = new TrackedListenerStarter(settings.Kind.ToString().ToLowerInvariant(), settings, ListenerProtocols.Create(settings, time), observers, tls, tlsLayer);
    }

    /// <inheritdoc/>
    public string Kind => _starter.Kind;

    /// <inheritdoc/>
    public string Target => _starter.Target;

    /// <summary>The tracking factory in front of the listener, once started.</summary>
    public TrackingFactory? Tracking => _starter.Tracking;

    /// <inheritdoc/>
    public IListeningPort Start(ListenerContext context) => _starter.Start(context);
}
