namespace NetScope.Tui.App;

/// <summary>How <see cref="TuiApp.Run"/> starts the terminal UI.</summary>
public sealed record TuiOptions
{
    /// <summary>Open the built-in demo workspace (an echo listener and a scripted line session against it).</summary>
    public bool Demo { get; init; }

    /// <summary>Sessions to open at start, as <c>SCHEME://HOST:PORT</c> (<c>tcp://127.0.0.1:7</c>).</summary>
    public IReadOnlyList<string> Open { get; init; } = [];

    /// <summary>Listeners to start at start, as <c>KIND:PORT</c> or <c>KIND:ADDRESS:PORT</c> (<c>echo:7007</c>).</summary>
    public IReadOnlyList<string> Listen { get; init; } = [];

    /// <summary>The Terminal.Gui driver ("ansi", "dotnet"); <see langword="null"/> for the platform's default.</summary>
    public string? Driver { get; init; }

    /// <summary>
    /// A fault to inject, to check that the terminal is restored whatever happens (tests and
    /// diagnostics; <c>NETSCOPE_TUI_FAULT</c>): "draw" (a view fails on every draw), "timer"
    /// (one failing frame), "thread" (an unhandled exception on a background thread).
    /// </summary>
    public string? Fault { get; init; }
}
