using System.Globalization;
using NetScope.Sessions.Streams;

namespace NetScope.Sessions.Kinds;

/// <summary>What to listen on for TCP line/raw sessions (each accepted connection is one, like <c>nc -l</c>).</summary>
/// <param name="Port">The port; 0 picks a free one.</param>
public sealed record TcpListenerRequest(int Port)
{
    /// <summary>The address to bind. <remarks>Defaults to 127.0.0.1.</remarks></summary>
    public string BindAddress { get; init; } = "127.0.0.1";

    /// <summary>Line or raw framing for accepted sessions. <remarks>Defaults to line mode.</remarks></summary>
    public StreamMode Mode { get; init; } = StreamMode.Line;

    /// <summary>The listen backlog. <remarks>Defaults to 50.</remarks></summary>
    public int Backlog { get; init; } = 50;

    /// <summary>"127.0.0.1:0", "[::1]:8080".</summary>
    public string Describe() =>
        BindAddress.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"[{BindAddress}]:{Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{BindAddress}:{Port}");
}
