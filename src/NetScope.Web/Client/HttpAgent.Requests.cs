using System.Text;
using NetScope.Web.Client.Connections;
using NetScope.Web.Http;

namespace NetScope.Web.Client;

/// <content>Building the request head: target form, default fields, body framing, connection handling.</content>
public sealed partial class HttpAgent
{
    /// <summary>Fields the agent always computes from the body: a caller's values for them are not sent.</summary>
    private static readonly string[] FramingFields = [HttpHeaderNames.ContentLength, HttpHeaderNames.TransferEncoding];

    private (HttpSentRequest Sent, byte[] Head, bool ConnectionClose) BuildRequest(
        string method, HttpUrl url, HttpHeaders? given, HttpRequestBody? body, HttpConnectionKey key)
    {
        ArgumentNullException.ThrowIfNull(method);
        if (!HttpSyntax.IsToken(method))
        {
            throw new ArgumentException($"'{method}' is not a valid method (a token).", nameof(method));
        }

        if (method == HttpMethods.Connect)
        {
            throw new ArgumentException("CONNECT is not a request the agent sends for callers: give it a proxy instead.", nameof(method));
        }

        var version = Options.Version;
        if (version == HttpProtocolVersion.Http10 && body is { Length: < 0 })
        {
            throw new ArgumentException("HTTP/1.0 cannot send a body of unknown length (it has no chunked coding).", nameof(body));
        }

        given ??= new HttpHeaders();
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.Host, given.Get(HttpHeaderNames.Host) is { Length: > 0 } host ? host : url.Authority);
        AddDefault(headers, given, HttpHeaderNames.UserAgent, Options.UserAgent);
        AddDefault(headers, given, HttpHeaderNames.Accept, "*/*");
        foreach (var header in given)
        {
            if (IsReplaced(header.Name) || (header.Value.Length == 0 && IsDefault(header.Name)))
            {
                continue;
            }

            headers.Add(header.Name, header.Value);
        }

        if (url.UserInfo is { } userInfo && !headers.Contains(HttpHeaderNames.Authorization))
        {
            headers.Add(HttpHeaderNames.Authorization, BasicCredentials(userInfo));
        }

        var absoluteForm = key.ViaProxy && !key.Tunnel;
        if (absoluteForm && Options.Proxy?.Authorization is { } proxyAuthorization && !headers.Contains(HttpHeaderNames.ProxyAuthorization))
        {
            headers.Add(HttpHeaderNames.ProxyAuthorization, proxyAuthorization);
        }

        AddFraming(headers, method, body);
        if (!headers.Contains(HttpHeaderNames.Connection))
        {
            if (!Pool.Persistent)
            {
                headers.Add(HttpHeaderNames.Connection, "close");
            }
            else if (version == HttpProtocolVersion.Http10)
            {
                headers.Add(HttpHeaderNames.Connection, "keep-alive");
            }
        }

        var connectionClose = headers.ContainsToken(HttpHeaderNames.Connection, "close")
            || (version == HttpProtocolVersion.Http10 && !headers.ContainsToken(HttpHeaderNames.Connection, "keep-alive"));
        var target = absoluteForm ? url.ToString() : url.PathAndQuery;
        var sent = new HttpSentRequest(method, url, target, version, headers);
        return (sent, WriteHead(sent), connectionClose);
    }

    /// <summary>The bytes of a request head.</summary>
    internal static byte[] WriteHead(HttpSentRequest request)
    {
        var head = new byte[HttpHeadWriter.GetRequestHeadLength(request.Method, request.Target, request.Headers)];
        HttpHeadWriter.TryWriteRequestHead(head, request.Method, request.Target, request.Version, request.Headers, out _);
        return head;
    }

    /// <summary>Content-Length or chunked from the body; an empty Content-Length for methods that expect a body.</summary>
    private static void AddFraming(HttpHeaders headers, string method, HttpRequestBody? body)
    {
        if (body is null)
        {
            if (method is HttpMethods.Post or HttpMethods.Put or HttpMethods.Patch)
            {
                headers.Add(HttpHeaderNames.ContentLength, "0");
            }

            return;
        }

        if (body.Length >= 0)
        {
            headers.Add(HttpHeaderNames.ContentLength, body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            headers.Add(HttpHeaderNames.TransferEncoding, "chunked");
        }
    }

    private static void AddDefault(HttpHeaders headers, HttpHeaders given, string name, string? value)
    {
        // A caller's line for the field replaces the default; an empty one removes it.
        if (value is not null && !given.Contains(name))
        {
            headers.Add(name, value);
        }
    }

    private static bool IsDefault(string name) =>
        name.Equals(HttpHeaderNames.UserAgent, StringComparison.OrdinalIgnoreCase) || name.Equals(HttpHeaderNames.Accept, StringComparison.OrdinalIgnoreCase);

    private static bool IsReplaced(string name) =>
        name.Equals(HttpHeaderNames.Host, StringComparison.OrdinalIgnoreCase)
        || Array.Exists(FramingFields, field => field.Equals(name, StringComparison.OrdinalIgnoreCase));

    private static string BasicCredentials(string userInfo)
    {
        var credentials = Uri.UnescapeDataString(userInfo);
        return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials.Contains(':') ? credentials : credentials + ":"));
    }
}
