namespace NetScope.Tui.Model;

/// <summary>Where a session or listener stands, as the list shows it (one symbol and colour each).</summary>
internal enum EntryStatus
{
    /// <summary>A session resolving or connecting.</summary>
    Connecting,

    /// <summary>A session open.</summary>
    Open,

    /// <summary>A session open over TLS.</summary>
    Secure,

    /// <summary>A session flushing before it closes.</summary>
    Closing,

    /// <summary>A session that ended cleanly.</summary>
    Closed,

    /// <summary>A session or listener that ended with an error.</summary>
    Failed,

    /// <summary>A listener binding its port.</summary>
    Starting,

    /// <summary>A listener accepting connections.</summary>
    Listening,

    /// <summary>A listener stopped.</summary>
    Stopped,
}
