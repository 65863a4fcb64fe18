namespace NetScope.Tui.App;

/// <summary>One thing the demo starts (a listener, a session against it).</summary>
internal interface IDemoPart
{
    /// <summary>Starts it; returns the number of an entry worth selecting at start, if any.</summary>
    Task<long?> StartAsync(DemoContext context);
}
