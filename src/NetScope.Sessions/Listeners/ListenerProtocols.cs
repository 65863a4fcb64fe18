using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Classic;

namespace NetScope.Sessions.Listeners;

/// <summary>Builds the protocol factory of each <see cref="ListenerKind"/>.</summary>
public static class ListenerProtocols
{
    /// <summary>The factory serving <paramref name="settings"/>' kind, with its framing and options.</summary>
    public static IProtocolFactory Create(ListenerSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Kind switch
        {
            ListenerKind.Echo => new EchoFactory(settings.Framing),
            ListenerKind.Discard => new DiscardFactory(),
            ListenerKind.Chargen => new ChargenFactory(),
            ListenerKind.Daytime => new DaytimeFactory(time),
            ListenerKind.Qotd => settings.Quote is null ? new QotdFactory() : new QotdFactory(settings.Quote),
            ListenerKind.Chat => new ChatFactory(settings.Framing),
            ListenerKind.Http => throw new ArgumentException("HTTP listeners are built by NetScope.Web's HttpListeners.CreateSite.", nameof(settings)),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Kind, "Unknown listener kind."),
        };
    }

    /// <summary>Whether line/raw framing changes what <paramref name="kind"/> does.</summary>
    public static bool HasFraming(ListenerKind kind) => kind is ListenerKind.Echo or ListenerKind.Chat;
}
