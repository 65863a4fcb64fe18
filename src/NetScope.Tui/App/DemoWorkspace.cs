namespace NetScope.Tui.App;

/// <summary>
/// <c>netscope --demo</c>: a workspace that needs nothing outside the process, so every pane is
/// alive at once: an echo listener with a scripted line session talking to it, and an HTTP listener
/// (echoing requests) with a request against it. The parts run in order; adding one is one line
/// in <see cref="Parts"/>.
/// </summary>
internal static class DemoWorkspace
{
    /// <summary>What the demo starts, in order.</summary>
    public static IReadOnlyList<IDemoPart> Parts { get; } =
    [
        new DemoListener("echo", "echo"),
        new DemoLineSession(
            "echo",
            "hello from the NetScope demo",
            "the echo listener sends every line back",
            "type a line below and press Enter; type bye to end the script"),
        new DemoListener("http", "http"),
        new DemoHttpRequest("http", "/hello"),
    ];

    /// <summary>Starts the parts in order; returns the entry to select (the last one a part suggested).</summary>
    public static async Task<long?> StartAsync(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        long? select = null;
        foreach (var part in Parts)
        {
            select = await part.StartAsync(context).ConfigureAwait(false) ?? select;
        }

        return select;
    }
}
