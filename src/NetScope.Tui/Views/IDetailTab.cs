using NetScope.Tui.Model;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.Views;

/// <summary>
/// A tab of the detail pane. Adding a tab (a Packets tab when capture lands) is writing one of
/// these and adding it to the list <see cref="DetailTabs"/> is built with.
/// </summary>
internal interface IDetailTab
{
    /// <summary>The tab's name in the tab row.</summary>
    string Title { get; }

    /// <summary>The view shown while the tab is selected.</summary>
    View View { get; }

    /// <summary>The keys that matter while the tab has the focus, for the status line ("c", "Cancel").</summary>
    IReadOnlyList<(string Key, string Action)> Keys { get; }

    /// <summary>Shows <paramref name="frame"/> (called on every new frame, visible or not: cheap when nothing changed).</summary>
    void Show(ModelFrame frame);
}
