namespace NetScope.Web.Http.Parsing;

/// <summary>The outcome of feeding bytes to a <see cref="HeadAccumulator"/>.</summary>
internal enum HeadStatus
{
    /// <summary>Every byte was taken and the section is not complete yet.</summary>
    NeedMoreData,

    /// <summary>The section is complete, up to and including the LF of its empty line.</summary>
    Complete,

    /// <summary>The start line is longer than allowed.</summary>
    StartLineTooLong,

    /// <summary>The field lines are longer than allowed.</summary>
    SectionTooLarge,
}
