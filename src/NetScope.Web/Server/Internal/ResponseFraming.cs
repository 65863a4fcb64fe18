namespace NetScope.Web.Server.Internal;

/// <summary>How the body of a response being sent is delimited.</summary>
internal enum ResponseFraming
{
    /// <summary>No body: HEAD, 1xx, 204 and 304.</summary>
    None,

    /// <summary>Exactly Content-Length bytes.</summary>
    Length,

    /// <summary>The chunked transfer coding.</summary>
    Chunked,

    /// <summary>Until the connection closes (an HTTP/1.0 client and no length).</summary>
    UntilClose,
}
