using NetScope.Tui.Theme;
using Terminal.Gui.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace NetScope.Tui.Dialogs;

/// <summary>
/// A dialog of labelled fields with a problem line and Cancel / confirm buttons: Enter on the
/// confirm button (the default) validates, and a problem is shown in the dialog instead of closing
/// it. Enter on a radio option chooses it and moves on to the next field, without confirming. Subclasses add their fields with <see cref="AddField"/> and say what is wrong in <see cref="Validate"/>.
/// </summary>
internal abstract class FormDialog : Dialog
{
    private const int LabelWidth = 9;
    private readonly Button _confirm;
    private readonly Label _problem;
    private readonly List<View> _fields = [];
    private int _nextRow;

    protected FormDialog(TuiStyle style, string title, string confirm)
    {
        Style = style ?? throw new ArgumentNullException(nameof(style));
        Title = title;
        Width = 78;
        SetScheme(style.Dialog);
        _problem = new Label { X = 0, Y = 0, Width = Dim.Fill(), Height = 1, Text = string.Empty };
        AddButton(new Button { Title = "Cancel" });
        _confirm = new Button { Title = confirm };
        AddButton(_confirm);
    }

    /// <summary>The colours.</summary>
    protected TuiStyle Style { get; }

    /// <summary>The problem shown, empty when there is none.</summary>
    public string Problem => _problem.Text ?? string.Empty;

    /// <summary>
    /// The row the next field or note goes on. Fields that only some choices use can share rows with others:
    /// set it back and show one group at a time (<see cref="View.Visible"/>).
    /// </summary>
    protected int NextRow
    {
        get => _nextRow;
        set => _nextRow = value;
    }

    /// <summary>Adds <paramref name="field"/> on the next row after <paramref name="label"/>; returns the label (to show or hide with the field).</summary>
    protected Label AddField(string label, View field)
    {
        ArgumentNullException.ThrowIfNull(field);
        field.X = LabelWidth;
        field.Y = _nextRow;
        if (field.Width is null || field is TextField)
        {
            field.Width = Dim.Fill(1);
        }

        var caption = new Label { X = 0, Y = _nextRow, Text = label };
        Add(caption, field);
        _fields.Add(field);
        _nextRow += Math.Max(1, field.Frame.Height);
        return caption;
    }

    /// <summary>Focuses the first field added after <paramref name="field"/> that is shown and takes the focus.</summary>
    private void FocusFieldAfter(View field)
    {
        var next = _fields.Skip(_fields.IndexOf(field) + 1).FirstOrDefault(f => f.Visible && f.Enabled && f.CanFocus);
        next?.SetFocus();
    }

    /// <summary>Adds a line of explanation under the fields; returns it.</summary>
    protected Label AddNote(string text)
    {
        var note = new Label { X = 0, Y = _nextRow, Width = Dim.Fill(), Text = text };
        Add(note);
        _nextRow++;
        return note;
    }

    /// <summary>Puts the problem line under everything added so far (call at the end of the constructor).</summary>
    protected void FinishLayout()
    {
        _problem.Y = _nextRow + 1;
        Add(_problem);
    }

    /// <summary>Shows <paramref name="problem"/> in the dialog (empty clears it).</summary>
    protected void ShowProblem(string problem)
    {
        _problem.Text = problem;
        _problem.SetScheme(problem.Length == 0 ? Style.Dialog : new Scheme(Style.NoColor
            ? new Terminal.Gui.Drawing.Attribute(Color.None, Color.None, TextStyle.Bold | TextStyle.Reverse)
            : new Terminal.Gui.Drawing.Attribute(ColorName16.White, ColorName16.Red)));
    }

    /// <summary>What is wrong with the fields, or <see langword="null"/> when they can be used.</summary>
    protected abstract string? Validate();

    /// <summary>
    /// The fields are valid: use them. Return <see langword="true"/> to close the dialog now, or
    /// <see langword="false"/> to keep it open (work that finishes later calls <see cref="Complete"/>).
    /// </summary>
    protected abstract bool Confirm();

    /// <summary>Closes the dialog as confirmed (after work <see cref="Confirm"/> started has succeeded).</summary>
    protected void Complete()
    {
        Result = Buttons.Length - 1;
        RequestStop();
    }

    /// <inheritdoc/>
    protected override bool OnAccepting(CommandEventArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        View? source = null;
        args.Context?.Source?.TryGetTarget(out source);
        if (source is Button button && button != _confirm)
        {
            return base.OnAccepting(args);
        }

        // Enter on a radio option: the selector has already chosen it. Submitting too would start whatever
        // was chosen before the user could look (the wrong listener, say); instead go on to the next field,
        // as Tab would only after walking through every other option of the group.
        if ((source as SelectorBase ?? source?.SuperView as SelectorBase) is { } selector)
        {
            FocusFieldAfter(selector);
            return true;
        }

        if (Validate() is { } problem)
        {
            ShowProblem(problem);
            return true;
        }

        ShowProblem(string.Empty);
        if (!Confirm())
        {
            return true;
        }

        return base.OnAccepting(args);
    }
}
