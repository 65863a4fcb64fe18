namespace NetScope.Web.Http.Parsing;

/// <summary>The fields whose values shape how a message is framed or handled.</summary>
internal enum KnownField
{
    Other,
    Host,
    ContentLength,
    TransferEncoding,
    Connection,
    Expect,
}
