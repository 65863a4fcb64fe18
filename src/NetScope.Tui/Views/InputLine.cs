using NetScope.Sessions.Streams;
using NetScope.Tui.Input;
using NetScope.Tui.Theme;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Views;

/// <summary>
/// The line under the transcript. In send mode its prompt says where Enter sends (<c>line›</c> or
/// <c>raw›</c>), Up and Down browse what was sent before; in search mode (after <c>/</c>) Enter
/// searches the transcript. Esc leaves either.
/// </summary>
internal sealed class InputLine : View
{
    private readonly TuiStyle _style;
    private readonly Label _prompt;
    private readonly InputHistory _history = new();
    private bool _searching;
    private StreamMode? _mode;
    private string _draft = string.Empty;

    public InputLine(TuiStyle style)
    {
        _style = style ?? throw new ArgumentNullException(nameof(style));
        Height = 1;
        Width = Dim.Fill();
        CanFocus = true;
        _prompt = new Label { X = 0, Y = 0, Width = 6, Height = 1, Text = Prompt() };
        Field = new TextField { X = 6, Y = 0, Width = Dim.Fill(), Height = 1 };
        Add(_prompt, Field);
        Field.Accepting += (_, e) =>
        {
            e.Handled = true;
            Submit();
        };
        Field.KeyDown += (_, key) =>
        {
            if (key == Key.CursorUp && !_searching)
            {
                Field.Text = _history.Previous(Field.Text ?? string.Empty);
                Field.InsertionPoint = Field.Text.Length;
                key.Handled = true;
            }
            else if (key == Key.CursorDown && !_searching)
            {
                Field.Text = _history.Next();
                Field.InsertionPoint = Field.Text.Length;
                key.Handled = true;
            }
            else if (key == KeyMap.Back)
            {
                key.Handled = true;
                if (_searching)
                {
                    EndSearch();
                }

                Left?.Invoke(this, EventArgs.Empty);
            }
        };
    }

    /// <summary>Raised when a line is entered in send mode (the text as typed).</summary>
    public event EventHandler<string>? Submitted;

    /// <summary>Raised when a search is entered.</summary>
    public event EventHandler<string>? SearchSubmitted;

    /// <summary>Raised when the user leaves the line with Esc.</summary>
    public event EventHandler? Left;

    /// <summary>The text field.</summary>
    public TextField Field { get; }

    /// <summary>The lines sent, for Up and Down.</summary>
    public InputHistory History => _history;

    /// <summary>Whether the line is taking a search.</summary>
    public bool Searching => _searching;

    /// <summary>What the prompt shows.</summary>
    public string PromptText => _prompt.Text ?? string.Empty;

    /// <summary>
    /// Where Enter sends: a stream session in <paramref name="mode"/>, or nowhere
    /// (<see langword="null"/>: no stream session is selected; commands still work).
    /// </summary>
    public void SetMode(StreamMode? mode)
    {
        if (_mode == mode)
        {
            return;
        }

        _mode = mode;
        if (!_searching)
        {
            _prompt.Text = Prompt();
        }
    }

    /// <summary>Turns the line into a search prompt and focuses it.</summary>
    public void BeginSearch(string? previous)
    {
        if (!_searching)
        {
            _draft = Field.Text ?? string.Empty;
        }

        _searching = true;
        _prompt.Text = "  /";
        Field.Text = previous ?? string.Empty;
        Field.InsertionPoint = Field.Text.Length;
        Field.SetFocus();
    }

    /// <summary>Back to send mode, restoring what was being typed.</summary>
    public void EndSearch()
    {
        if (!_searching)
        {
            return;
        }

        _searching = false;
        _prompt.Text = Prompt();
        Field.Text = _draft;
        Field.InsertionPoint = Field.Text.Length;
    }

    private void Submit()
    {
        var text = Field.Text ?? string.Empty;
        if (_searching)
        {
            EndSearch();
            SearchSubmitted?.Invoke(this, text);
            return;
        }

        _history.Add(text);
        Field.Text = string.Empty;
        Submitted?.Invoke(this, text);
    }

    private string Prompt() => _mode switch
    {
        StreamMode.Line => "line>",
        StreamMode.Raw => " raw>",
        _ => "    >",
    };
}
