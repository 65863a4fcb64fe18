using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Internal;

/// <summary>Status lines (<c>HTTP/1.1 200 OK\r\n</c>) as bytes, made once per status and reused.</summary>
internal static class StatusLines
{
    private static readonly byte[]?[] Cache = new byte[1000][];

    /// <summary>The status line for <paramref name="code"/> with <paramref name="reason"/> (the registered phrase when null).</summary>
    public static byte[] Get(int code, string? reason)
    {
        if (reason is null)
        {
            return Cache[code] ??= Build(code, HttpReasonPhrases.Get(code));
        }

        return Build(code, reason);
    }

    private static byte[] Build(int code, string reason) => Encoding.Latin1.GetBytes($"HTTP/1.1 {code:D3} {reason}\r\n");
}
