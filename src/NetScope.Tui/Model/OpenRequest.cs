using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;

namespace NetScope.Tui.Model;

/// <summary>What to open, as the dialog or <c>--open</c> asked.</summary>
/// <param name="Kind">The session kind's name ("tcp", "tls").</param>
/// <param name="Target">The host and port.</param>
/// <param name="Mode">Line or raw framing.</param>
/// <param name="LineEnding">What sending a line appends.</param>
internal sealed record OpenRequest(string Kind, HostPort Target, StreamMode Mode, byte[] LineEnding)
{
    /// <summary>For TLS: go on whatever certificate verification finds (self-signed test servers). <remarks>Defaults to verifying.</remarks></summary>
    public bool Insecure { get; init; }
}
