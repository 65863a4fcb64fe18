namespace NetScope.Web.Http;

/// <summary>The reason phrases of every status code in the IANA HTTP Status Code Registry.</summary>
public static class HttpReasonPhrases
{
    private static readonly string[] Phrases = BuildTable();

    /// <summary>The registered reason phrase of <paramref name="statusCode"/>, or an empty string for an unregistered code.</summary>
    /// <param name="statusCode">A status code; any integer is accepted.</param>
    /// <returns>For example "Not Found" for 404; "" for 299.</returns>
    public static string Get(int statusCode) =>
        (uint)statusCode < (uint)Phrases.Length ? Phrases[statusCode] : string.Empty;

    /// <summary>Whether <paramref name="statusCode"/> is in the registry.</summary>
    /// <param name="statusCode">A status code; any integer is accepted.</param>
    /// <returns><see langword="true"/> when <see cref="Get"/> returns a non-empty phrase.</returns>
    public static bool IsRegistered(int statusCode) => Get(statusCode).Length != 0;

    private static string[] BuildTable()
    {
        var table = new string[600];
        Array.Fill(table, string.Empty);
        table[100] = "Continue";
        table[101] = "Switching Protocols";
        table[102] = "Processing";
        table[103] = "Early Hints";
        table[104] = "Upload Resumption Supported";
        table[200] = "OK";
        table[201] = "Created";
        table[202] = "Accepted";
        table[203] = "Non-Authoritative Information";
        table[204] = "No Content";
        table[205] = "Reset Content";
        table[206] = "Partial Content";
        table[207] = "Multi-Status";
        table[208] = "Already Reported";
        table[226] = "IM Used";
        table[300] = "Multiple Choices";
        table[301] = "Moved Permanently";
        table[302] = "Found";
        table[303] = "See Other";
        table[304] = "Not Modified";
        table[305] = "Use Proxy";
        table[306] = "Unused";
        table[307] = "Temporary Redirect";
        table[308] = "Permanent Redirect";
        table[400] = "Bad Request";
        table[401] = "Unauthorized";
        table[402] = "Payment Required";
        table[403] = "Forbidden";
        table[404] = "Not Found";
        table[405] = "Method Not Allowed";
        table[406] = "Not Acceptable";
        table[407] = "Proxy Authentication Required";
        table[408] = "Request Timeout";
        table[409] = "Conflict";
        table[410] = "Gone";
        table[411] = "Length Required";
        table[412] = "Precondition Failed";
        table[413] = "Content Too Large";
        table[414] = "URI Too Long";
        table[415] = "Unsupported Media Type";
        table[416] = "Range Not Satisfiable";
        table[417] = "Expectation Failed";
        table[418] = "I'm a teapot";
        table[421] = "Misdirected Request";
        table[422] = "Unprocessable Content";
        table[423] = "Locked";
        table[424] = "Failed Dependency";
        table[425] = "Too Early";
        table[426] = "Upgrade Required";
        table[428] = "Precondition Required";
        table[429] = "Too Many Requests";
        table[431] = "Request Header Fields Too Large";
        table[451] = "Unavailable For Legal Reasons";
        table[500] = "Internal Server Error";
        table[501] = "Not Implemented";
        table[502] = "Bad Gateway";
        table[503] = "Service Unavailable";
        table[504] = "Gateway Timeout";
        table[505] = "HTTP Version Not Supported";
        table[506] = "Variant Also Negotiates";
        table[507] = "Insufficient Storage";
        table[508] = "Loop Detected";
        table[510] = "Not Extended";
        table[511] = "Network Authentication Required";
        return table;
    }
}
