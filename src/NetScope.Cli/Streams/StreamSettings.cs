using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <summary>The checked values of <see cref="StreamOptions"/>.</summary>
/// <param name="Mode">Line or raw framing of what arrives.</param>
/// <param name="Hex">Show a hex dump instead.</param>
/// <param name="LineEnding">Appended to stdin lines in line mode.</param>
/// <param name="Steps">The scripted steps, in order; empty means stdin drives the session.</param>
/// <param name="TimeoutSeconds">Connect timeout and per-expect timeout.</param>
/// <param name="HalfClose">Send FIN when the input ends.</param>
/// <param name="LingerSeconds">Quiet time after the input ends before closing (unused with <paramref name="HalfClose"/>: the peer closes).</param>
/// <param name="Verbose">Report connection events on stderr.</param>
internal sealed record StreamSettings(
    StreamMode Mode,
    bool Hex,
    byte[] LineEnding,
    IReadOnlyList<ScriptStep> Steps,
    double TimeoutSeconds,
    bool HalfClose,
    double LingerSeconds,
    bool Verbose);
