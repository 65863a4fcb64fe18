namespace NetScope.Sessions.Transcripts;

/// <summary>Which way an entry of a transcript went.</summary>
public enum Direction
{
    /// <summary>Written by this side.</summary>
    Sent,

    /// <summary>Received from the peer.</summary>
    Received,

    /// <summary>Not data: an event worth showing in line with the data ("TLS established", "peer closed").</summary>
    Note,
}
