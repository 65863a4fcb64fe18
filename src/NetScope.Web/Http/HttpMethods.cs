namespace NetScope.Web.Http;

/// <summary>
/// The methods of RFC 9110 and PATCH, as constant strings. The request parser hands out exactly these
/// instances for them, so comparing with <see cref="object.ReferenceEquals"/> or <c>==</c> is cheap.
/// </summary>
public static class HttpMethods
{
    /// <summary>GET: transfer a current representation of the target resource.</summary>
    public const string Get = "GET";

    /// <summary>HEAD: the same as GET, but the response carries no body.</summary>
    public const string Head = "HEAD";

    /// <summary>POST: process the enclosed representation.</summary>
    public const string Post = "POST";

    /// <summary>PUT: replace the target resource with the enclosed representation.</summary>
    public const string Put = "PUT";

    /// <summary>DELETE: remove the target resource.</summary>
    public const string Delete = "DELETE";

    /// <summary>CONNECT: open a tunnel to the authority in the request-target.</summary>
    public const string Connect = "CONNECT";

    /// <summary>OPTIONS: describe the communication options of the target (or of the server, with <c>*</c>).</summary>
    public const string Options = "OPTIONS";

    /// <summary>TRACE: loop the request message back.</summary>
    public const string Trace = "TRACE";

    /// <summary>PATCH (RFC 5789): apply partial modifications.</summary>
    public const string Patch = "PATCH";

    /// <summary>Whether <paramref name="method"/> is one of the methods above (methods are case-sensitive).</summary>
    /// <param name="method">The method to check.</param>
    /// <returns><see langword="true"/> for GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE and PATCH.</returns>
    public static bool IsKnown(string method) => method switch
    {
        Get or Head or Post or Put or Delete or Connect or Options or Trace or Patch => true,
        _ => false,
    };

    /// <summary>The interned string for a known method received as bytes, or <see langword="null"/>.</summary>
    internal static string? TryGetKnown(ReadOnlySpan<byte> method) => method.Length switch
    {
        3 when method.SequenceEqual("GET"u8) => Get,
        3 when method.SequenceEqual("PUT"u8) => Put,
        4 when method.SequenceEqual("POST"u8) => Post,
        4 when method.SequenceEqual("HEAD"u8) => Head,
        5 when method.SequenceEqual("PATCH"u8) => Patch,
        5 when method.SequenceEqual("TRACE"u8) => Trace,
        6 when method.SequenceEqual("DELETE"u8) => Delete,
        7 when method.SequenceEqual("OPTIONS"u8) => Options,
        7 when method.SequenceEqual("CONNECT"u8) => Connect,
        _ => null,
    };
}
