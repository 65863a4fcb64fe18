using NetScope.Tui.Model;
using NetScope.Tui.Views;
using Terminal.Gui.Drawing;
using Terminal.Gui.Views;

namespace NetScope.Tui.Tests;

public sealed class TranscriptViewTests
{
    private static (TranscriptView View, Window Window) Create()
    {
        var window = new Window { BorderStyle = LineStyle.None };
        var view = new TranscriptView(Headless.Colour);
        window.Add(view);
        return (view, window);
    }

    [Fact]
    public void SentAndReceivedLinesShowTheirTimeDirectionAndControlBytesAsEscapes()
    {
        using var app = Headless.Create(60, 5);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var buffer = new TranscriptBuffer(1);
        buffer.Append(new Transcripts().Sent("HELO x\r\n", 1.25).Received("250 ok\tfine\x00\xff\\\n", 1.5).Note("peer finished sending", 2).Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        Assert.Equal(
            [
                "12:00:01.250 → HELO x\\r\\n",
                "12:00:01.500 ← 250 ok\\tfine\\x00\\xff\\\\\\n",
                "12:00:02.000 · peer finished sending",
                string.Empty,
                string.Empty,
            ],
            Headless.Trimmed(app));
        app.End(token);
    }

    [Fact]
    public void APausedViewKeepsShowingTheSameDataWhileTheRingDropsOldEntries()
    {
        using var app = Headless.Create(40, 4);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var buffer = new TranscriptBuffer(1, maxItems: 20);
        var transcript = new Transcripts();
        for (var i = 0; i < 20; i++)
        {
            transcript.Received($"line {i:D2}\n", i);
        }

        buffer.Append(transcript.Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();
        view.ScrollBy(-8);
        app.LayoutAndDraw();
        var paused = Headless.Trimmed(app);
        Assert.Equal("12:00:08.000 ← line 08\\n", paused[0]);

        for (var i = 20; i < 25; i++)
        {
            transcript.Received($"line {i:D2}\n", i);
        }

        buffer.Append(transcript.Fetch(from: 20));
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        Assert.Equal(4, buffer.Origin(TranscriptMode.Text));
        Assert.False(view.Following);
        Assert.Equal(paused, Headless.Trimmed(app));

        for (var i = 25; i < 40; i++)
        {
            transcript.Received($"line {i:D2}\n", i);
        }

        buffer.Append(transcript.Fetch(from: 25));
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        // The lines it showed are gone: it starts at the marker of what was dropped.
        Assert.Contains("earlier bytes dropped", Headless.Trimmed(app)[0], StringComparison.Ordinal);
        Assert.Equal(0, view.Top);
        app.End(token);
    }

    [Fact]
    public void SentReceivedAndEscapesAreDrawnInDifferentColours()
    {
        using var app = Headless.Create(40, 2);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var buffer = new TranscriptBuffer(1);
        buffer.Append(new Transcripts().Sent("a\n", 0).Received("b\n", 0).Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        var cells = app.Driver!.Contents!;
        Assert.Equal(new Color(ColorName16.BrightCyan), cells[0, 15].Attribute!.Value.Foreground);
        Assert.Equal(new Color(ColorName16.BrightGreen), cells[1, 15].Attribute!.Value.Foreground);
        Assert.Equal(new Color(ColorName16.BrightMagenta), cells[1, 16].Attribute!.Value.Foreground);
        Assert.Equal(new Color(ColorName16.DarkGray), cells[0, 0].Attribute!.Value.Foreground);
        app.End(token);
    }

    [Fact]
    public void HexModeShowsOffsetsBytesAndAscii()
    {
        using var app = Headless.Create(95, 3);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var buffer = new TranscriptBuffer(1);
        buffer.Append(new Transcripts().Received("Hello, world!\r\n\x00\x01", 3).Fetch());
        view.Show(buffer, Transcripts.Noon);
        view.ToggleMode();
        app.LayoutAndDraw();

        Assert.Equal(
            [
                "12:00:03.000 ← 00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0d 0a 00  |Hello, world!...|",
                "             ← 00000010  01                                                |.|",
                string.Empty,
            ],
            Headless.Trimmed(app));
        Assert.Equal(TranscriptMode.Hex, view.Mode);
        app.End(token);
    }

    [Fact]
    public void TheViewFollowsTheTailUntilTheUserScrollsUpAndEndFollowsAgain()
    {
        using var app = Headless.Create(40, 3);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var source = new Transcripts();
        for (var i = 1; i <= 5; i++)
        {
            source.Received($"line {i}\n", i);
        }

        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();
        Assert.Equal(2, view.Top);

        view.ScrollBy(-1);
        source.Received("line 6\n", 6);
        buffer.Append(source.Fetch(buffer.NextSequence));
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();
        Assert.False(view.Following);
        Assert.Equal("12:00:02.000 ← line 2\\n", Headless.Trimmed(app)[0]);
        Assert.Equal("text · line 2/6, paused (End follows)", view.Describe());

        view.Follow();
        app.LayoutAndDraw();
        Assert.Equal("12:00:06.000 ← line 6\\n", Headless.Trimmed(app)[2]);
        Assert.Equal("text · following", view.Describe());
        app.End(token);
    }

    [Fact]
    public void OnlyTheVisibleLinesOfAHugeTranscriptAreReadToDraw()
    {
        using var app = Headless.Create(40, 4);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var source = new Transcripts();
        for (var i = 0; i < 20_000; i++)
        {
            source.Received($"{i}\n", i);
        }

        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        Assert.Equal(4, view.LinesReadForLastDraw);
        Assert.Equal("17:33:19.000 ← 19999\\n", Headless.Trimmed(app)[3]);
        app.End(token);
    }

    [Fact]
    public void TheDroppedDataMarkerIsDrawnAcrossTheLine()
    {
        using var app = Headless.Create(70, 3);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var source = new Transcripts().Received("a\n", 1);
        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        source.Lost(1, 4096).Received("b\n", 2);
        buffer.Append(source.Fetch(buffer.NextSequence));
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        Assert.Equal("……… 4,096 bytes (1 entries) dropped here: the transcript ring overflow", Headless.Screen(app)[1]);
        Assert.Equal(new Color(ColorName16.Red), app.Driver!.Contents![1, 60].Attribute!.Value.Background);
        app.End(token);
    }

    [Fact]
    public void SearchFindsTheNextMatchHighlightsItAndWrapsAround()
    {
        using var app = Headless.Create(40, 3);
        var (view, window) = Create();
        using var _ = window;
        var token = app.Begin(window)!;
        var source = new Transcripts();
        foreach (var word in new[] { "alpha", "beta", "gamma", "delta", "beta again", "omega" })
        {
            source.Received(word + "\n", 1);
        }

        var buffer = new TranscriptBuffer(1);
        buffer.Append(source.Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();
        view.ScrollBy(-10);

        Assert.Equal("/beta: line 2 of 6", view.Search("beta"));
        Assert.Equal("/beta: line 5 of 6", view.SearchAgain(forward: true));
        Assert.Equal("/beta: line 2 of 6", view.SearchAgain(forward: true));
        Assert.Equal("/beta: line 5 of 6", view.SearchAgain(forward: false));
        Assert.Equal("not found: zeta", view.Search("zeta"));
        view.Search("BETA");
        Assert.Equal(-1, view.MatchLine);
        view.Search("beta");
        app.LayoutAndDraw();
        var row = Array.FindIndex(Headless.Screen(app), r => r.Contains("beta again", StringComparison.Ordinal));
        Assert.Equal(new Color(ColorName16.BrightYellow), app.Driver!.Contents![row, 15].Attribute!.Value.Background);
        Assert.Equal(new Color(ColorName16.BrightGreen), app.Driver!.Contents![row, 20].Attribute!.Value.Foreground);
        Assert.False(view.Following);
        app.End(token);
    }

    [Fact]
    public void WithoutColourDirectionsAndEscapesAreToldApartByTextStyleOnly()
    {
        using var app = Headless.Create(40, 2);
        var window = new Window { BorderStyle = LineStyle.None };
        using var _ = window;
        window.SetScheme(Theme.TuiStyle.Mono);
        var view = new TranscriptView(Headless.Mono);
        window.Add(view);
        var token = app.Begin(window)!;
        var buffer = new TranscriptBuffer(1);
        buffer.Append(new Transcripts().Sent("a\n", 0).Received("b\n", 0).Fetch());
        view.Show(buffer, Transcripts.Noon);
        app.LayoutAndDraw();

        var cells = app.Driver!.Contents!;
        for (var row = 0; row < 2; row++)
        {
            for (var column = 0; column < 20; column++)
            {
                Assert.Equal(Color.None, cells[row, column].Attribute!.Value.Foreground);
                Assert.Equal(Color.None, cells[row, column].Attribute!.Value.Background);
            }
        }

        Assert.Equal(TextStyle.Bold, cells[0, 15].Attribute!.Value.Style);
        Assert.Equal(TextStyle.None, cells[1, 15].Attribute!.Value.Style);
        Assert.Equal(TextStyle.Underline, cells[1, 16].Attribute!.Value.Style);
        Assert.Equal(TextStyle.Faint, cells[0, 0].Attribute!.Value.Style);
        app.End(token);
    }
}
