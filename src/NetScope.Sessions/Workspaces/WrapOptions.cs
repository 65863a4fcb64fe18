namespace NetScope.Sessions.Workspaces;

/// <summary>How <see cref="SessionContext.Wrap"/> ties a protocol to its session.</summary>
public sealed record WrapOptions
{
    /// <summary>
    /// Record what the protocol sends and receives in the session's transcript. Off for a
    /// <see cref="Streams.StreamSession"/> made by <see cref="SessionContext.CreateStream"/>,
    /// which records it itself. <remarks>Defaults to <see langword="true"/>.</remarks>
    /// </summary>
    public bool RecordTranscript { get; init; } = true;

    /// <summary>
    /// The session is open as soon as the protocol is connected. A kind that is open only later
    /// (after a TLS handshake, say) sets this to <see langword="false"/> and calls
    /// <see cref="SessionContext.MarkOpen"/>. <remarks>Defaults to <see langword="true"/>.</remarks>
    /// </summary>
    public bool OpensSession { get; init; } = true;

    /// <summary>
    /// The session ends when the protocol's connection is lost. A kind whose session ends earlier
    /// (an HTTP request on a kept-alive connection) calls <see cref="SessionContext.End"/> itself.
    /// <remarks>Defaults to <see langword="true"/>.</remarks>
    /// </summary>
    public bool EndsSession { get; init; } = true;
}
