namespace NetScope.Web.Http.Parsing;

/// <summary>The outcome of one <see cref="BodyDecoder.Read"/> call.</summary>
internal enum BodyReadStatus
{
    /// <summary>Every byte was taken; nothing to report yet.</summary>
    NeedMoreData,

    /// <summary>A piece of body data is ready.</summary>
    Data,

    /// <summary>The body (and its trailers, if any) ended.</summary>
    Complete,

    /// <summary>The framing is broken; see <see cref="BodyDecoder.ErrorKind"/>.</summary>
    Error,
}
