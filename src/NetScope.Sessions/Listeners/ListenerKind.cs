namespace NetScope.Sessions.Listeners;

/// <summary>The ready-made listeners.</summary>
public enum ListenerKind
{
    /// <summary>Sends back what arrives (RFC 862).</summary>
    Echo,

    /// <summary>Reads and throws away (RFC 863).</summary>
    Discard,

    /// <summary>Sends the rotating character pattern as fast as the client reads (RFC 864).</summary>
    Chargen,

    /// <summary>Sends the date and time, then closes (RFC 867).</summary>
    Daytime,

    /// <summary>Sends a quote, then closes (RFC 865).</summary>
    Qotd,

    /// <summary>Relays every line from one client to all the others.</summary>
    Chat,

    /// <summary>An HTTP server (NetScope.Web's <c>Site</c>: files, echo or a fixed answer); <see cref="ListenerProtocols"/> does not build it.</summary>
    Http,
}
