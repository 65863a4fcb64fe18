using Terminal.Gui.App;

namespace NetScope.Tui.Tests;

/// <summary>
/// Modal views run a nested loop inside the key that opened them; the test acts inside it from the
/// application's Iteration event, once, when the expected view is on top.
/// </summary>
internal static class Modal
{
    public static void When<T>(IApplication app, Action<T> act)
        where T : class
    {
        void Handler(object? sender, EventArgs<IApplication?> e)
        {
            if (app.TopRunnableView is T modal)
            {
                app.Iteration -= Handler;
                app.LayoutAndDraw();
                act(modal);
            }
        }

        app.Iteration += Handler;
    }
}
