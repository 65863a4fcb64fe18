namespace NetScope.Tui.Theme;

/// <summary>What a piece of text is, for <see cref="TuiStyle.For"/>: the role picks its colour (or its text style without colour).</summary>
internal enum StyleRole
{
    /// <summary>The pane's ordinary text.</summary>
    Normal,

    /// <summary>Data this side sent.</summary>
    Sent,

    /// <summary>Data the peer sent.</summary>
    Received,

    /// <summary>A note in a transcript ("connection closed").</summary>
    Note,

    /// <summary>A control byte shown as an escape (<c>\r</c>, <c>\x00</c>).</summary>
    Escape,

    /// <summary>Timestamps and offsets.</summary>
    Time,

    /// <summary>The marker where the transcript ring dropped data.</summary>
    Dropped,

    /// <summary>A search match.</summary>
    SearchHit,

    /// <summary>Open, listening, succeeded.</summary>
    Good,

    /// <summary>Open over TLS.</summary>
    Secure,

    /// <summary>Connecting, closing, pending.</summary>
    Waiting,

    /// <summary>Closed, stopped: over, without error.</summary>
    Ended,

    /// <summary>Failed, unhandled, refused.</summary>
    Bad,

    /// <summary>Section headings in the detail panes.</summary>
    Heading,

    /// <summary>Secondary text.</summary>
    Dim,

    /// <summary>Graph bars.</summary>
    Graph,

    /// <summary>A hint to the user ("F2 opens a session").</summary>
    Hint,

    /// <summary>The selected row of a list that does not have the focus.</summary>
    Selected,
}
