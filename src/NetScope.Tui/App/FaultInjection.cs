using Terminal.Gui.App;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.App;

/// <summary>
/// Faults injected on purpose (<see cref="TuiOptions.Fault"/>), so tests can check that the
/// terminal is restored after a crash in a view, and that one failing frame does not end the UI.
/// </summary>
internal static class FaultInjection
{
    /// <summary>Installs the fault named <paramref name="fault"/> into <paramref name="window"/>; unknown names are refused.</summary>
    public static void Install(string? fault, IApplication app, View window)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(window);
        switch (fault)
        {
            case null or "":
                return;
            case "draw":
                var faulty = new FaultyView { X = 0, Y = 0, Width = 1, Height = 1 };
                window.Add(faulty);
                app.AddTimeout(TimeSpan.FromMilliseconds(50), () =>
                {
                    faulty.SetNeedsDraw();
                    return true;
                });
                return;
            case "timer":
                app.AddTimeout(TimeSpan.FromMilliseconds(300), () => throw new InvalidOperationException("fault injected in a timer (NETSCOPE_TUI_FAULT=timer)"));
                return;
            case "thread":
                app.AddTimeout(TimeSpan.FromMilliseconds(300), () =>
                {
                    new Thread(() => throw new InvalidOperationException("fault injected on a background thread (NETSCOPE_TUI_FAULT=thread)")) { IsBackground = true }.Start();
                    return false;
                });
                return;
            default:
                throw new ArgumentException($"unknown fault '{fault}' (draw, timer, thread)", nameof(fault));
        }
    }

    /// <summary>A view that fails every time it is drawn.</summary>
    private sealed class FaultyView : View
    {
        protected override bool OnDrawingContent(DrawContext? context) =>
            throw new InvalidOperationException("fault injected in a view (NETSCOPE_TUI_FAULT=draw)");
    }
}
