namespace NetScope.Core.Protocols.Classic;

/// <summary>How a classic protocol that relays data (echo, chat) frames it.</summary>
public enum FramingMode
{
    /// <summary>Bytes are passed on as they arrive, in whatever chunks the network delivers.</summary>
    Raw,

    /// <summary>Bytes are passed on a line at a time, once the line's LF has arrived.</summary>
    Line,
}
