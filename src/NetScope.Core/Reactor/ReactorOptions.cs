namespace NetScope.Core.Reactor;

/// <summary>Settings of a reactor.</summary>
public sealed class ReactorOptions
{
    /// <summary>
    /// How long shutdown waits for connections to close after asking them to, before aborting
    /// the rest. <remarks>Defaults to 2 seconds.</remarks>
    /// </summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The most threads the reactor's pool starts for blocking work. <remarks>Defaults to 10, as in Twisted.</remarks></summary>
    public int MaxPoolThreads { get; set; } = 10;

    /// <summary>Bytes read from a socket at most per readiness event. <remarks>Defaults to 64 KiB.</remarks></summary>
    public int ReadBufferSize { get; set; } = 64 * 1024;

    /// <summary>
    /// Write-buffer size above which a streaming producer is paused.
    /// <remarks>Defaults to 64 KiB, Twisted's <c>bufferSize</c>.</remarks>
    /// </summary>
    public int WriteHighWaterMark { get; set; } = 64 * 1024;

    /// <summary>Write-buffer size under which a paused streaming producer is resumed. <remarks>Defaults to 16 KiB.</remarks></summary>
    public int WriteLowWaterMark { get; set; } = 16 * 1024;
}
