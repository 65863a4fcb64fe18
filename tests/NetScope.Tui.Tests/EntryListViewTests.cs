using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

public sealed class EntryListViewTests
{
    private static readonly EntryRow Listener = new(1, true, null, "echo", "127.0.0.1:0", EntryStatus.Listening, 0, 0, 0, null, null, "127.0.0.1:7007");
    private static readonly EntryRow Accepted = new(3, false, 1, "echo", "127.0.0.1:50123", EntryStatus.Open, 1536, 1536, 1, null, null, null);
    private static readonly EntryRow Client = new(2, false, null, "tcp", "127.0.0.1:7007", EntryStatus.Open, 1536, 1536, 1, null, null, null);
    private static readonly EntryRow Refused = new(4, false, null, "tcp", "127.0.0.1:9", EntryStatus.Failed, 0, 0, 2, 2.001, "connection refused", null);

    [Fact]
    public void RowsShowStateSymbolNumberKindTargetBytesAndAgeWithListenersFollowedByTheirConnections()
    {
        using var app = Headless.Create(50, 7);
        using var window = new Window { BorderStyle = LineStyle.None };
        var list = new EntryListView(Headless.Colour);
        window.Add(list);
        var token = app.Begin(window)!;
        list.Show([Listener, Client, Accepted, Refused], now: 75);
        app.LayoutAndDraw();

        Assert.Equal(
            [
                "    #   kind   target               in/out    age ",
                "▾ ◉ #1  echo   127.0.0.1:7007         1 conn   1m ",
                " └● #3  conn   127.0.0.1:50123    1.5K/1.5K    1m ",
                "  ● #2  tcp    127.0.0.1:7007     1.5K/1.5K    1m ",
                "  × #4  tcp    127.0.0.1:9           0/0       0s ",
                "                                                  ",
                "                                                  ",
            ],
            Headless.Screen(app));
        app.End(token);
    }
}
