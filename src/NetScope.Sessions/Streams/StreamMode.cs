namespace NetScope.Sessions.Streams;

/// <summary>How a stream session frames what it receives for display.</summary>
public enum StreamMode
{
    /// <summary>Split on LF (a CR before it is dropped); a partial line is shown after a short pause.</summary>
    Line,

    /// <summary>Bytes as they arrive.</summary>
    Raw,
}
