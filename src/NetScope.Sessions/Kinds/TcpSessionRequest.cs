using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;

namespace NetScope.Sessions.Kinds;

/// <summary>What to open for a TCP line/raw session.</summary>
/// <param name="Target">The host and port.</param>
public sealed record TcpSessionRequest(HostPort Target)
{
    /// <summary>Line or raw framing of what arrives. <remarks>Defaults to line mode.</remarks></summary>
    public StreamMode Mode { get; init; } = StreamMode.Line;

    /// <summary>What sending a line appends. <remarks>Defaults to CRLF.</remarks></summary>
    public byte[] LineEnding { get; init; } = "\r\n"u8.ToArray();

    /// <summary>Seconds allowed for resolving and connecting. <remarks>Defaults to 30.</remarks></summary>
    public double TimeoutSeconds { get; init; } = 30;
}
