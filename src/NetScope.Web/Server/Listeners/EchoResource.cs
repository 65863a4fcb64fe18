using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Listeners;

/// <summary>
/// Answers every request, whatever its method and path, with what arrived: the request line, the headers, the
/// body size and the body. As plain text, or as JSON when the client accepts <c>application/json</c>.
/// </summary>
/// <remarks>
/// <para>The text form is the request line, the header lines, an empty line, <c>Body: N bytes</c>, and the body
/// bytes as they arrived.</para>
/// <para>The JSON form is one object: <c>client</c>, <c>method</c>, <c>target</c>, <c>version</c>, <c>path</c>
/// (decoded), <c>query</c> (name to list of values), <c>headers</c> (a list of [name, value] pairs, in order),
/// <c>trailers</c> (likewise, for a chunked body that had some), <c>bodySize</c>, <c>body</c>, and
/// <c>bodyEncoding</c>: "utf-8" when the body is valid UTF-8, else "base64".</para>
/// <para>Any method is echoed, including ones HTTP does not define: that is what an echo server is for.</para>
/// </remarks>
public sealed class EchoResource : Resource
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <inheritdoc/>
    public override bool IsLeaf => true;

    /// <summary>The body is what gets echoed, so it is always wanted.</summary>
    /// <param name="request">The request.</param>
    /// <returns><see langword="true"/>.</returns>
    public override bool WantsBody(Request request) => true;

    /// <summary>Whether an Accept value asks for JSON: <c>application/json</c> or a <c>+json</c> type, with a non-zero weight.</summary>
    /// <param name="accept">The Accept header, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> to answer in JSON.</returns>
    public static bool AcceptsJson(string? accept)
    {
        if (accept is null)
        {
            return false;
        }

        foreach (var element in accept.Split(','))
        {
            var parts = element.Split(';');
            var type = parts[0].Trim();
            if (!type.Equals("application/json", StringComparison.OrdinalIgnoreCase) && !type.EndsWith("+json", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var refused = parts.Skip(1).Select(p => p.Trim()).Any(p =>
                p.StartsWith("q=", StringComparison.OrdinalIgnoreCase) && double.TryParse(p[2..], System.Globalization.CultureInfo.InvariantCulture, out var q) && q <= 0);
            if (!refused)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public override RenderResult Render(Request request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = ReadBody(request);
        if (AcceptsJson(request.GetHeader(HttpHeaderNames.Accept)))
        {
            request.SetHeader(HttpHeaderNames.ContentType, "application/json");
            return RenderJson(request, body);
        }

        request.SetHeader(HttpHeaderNames.ContentType, "text/plain; charset=utf-8");
        return RenderText(request, body);
    }

    private static byte[] ReadBody(Request request)
    {
        var content = request.Content;
        var body = new MemoryStream();
        content.CopyTo(body);
        return body.ToArray();
    }

    private static byte[] RenderText(Request request, byte[] body)
    {
        var text = new StringBuilder();
        text.Append(request.Head).Append('\n');
        foreach (var header in request.RequestHeaders)
        {
            text.Append(header.Name).Append(": ").Append(header.Value).Append('\n');
        }

        text.Append('\n').Append("Body: ").Append(body.Length).Append(body.Length == 1 ? " byte\n" : " bytes\n");
        var head = Encoding.Latin1.GetBytes(text.ToString());
        return [.. head, .. body];
    }

    private static byte[] RenderJson(Request request, byte[] body)
    {
        var output = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(output, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("client", request.Client.ToString());
            json.WriteString("method", request.Method);
            json.WriteString("target", request.Uri);
            json.WriteString("version", request.Version == HttpProtocolVersion.Http10 ? "HTTP/1.0" : "HTTP/1.1");
            json.WriteString("path", request.Path);
            json.WriteStartObject("query");
            foreach (var (name, values) in request.Args)
            {
                json.WriteStartArray(name);
                foreach (var value in values)
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteFields(json, "headers", request.RequestHeaders);
            if (request.RequestTrailers is { } trailers)
            {
                WriteFields(json, "trailers", trailers);
            }

            json.WriteNumber("bodySize", body.Length);
            string text;
            try
            {
                text = StrictUtf8.GetString(body);
                json.WriteString("body", text);
                json.WriteString("bodyEncoding", "utf-8");
            }
            catch (DecoderFallbackException)
            {
                json.WriteBase64String("body", body);
                json.WriteString("bodyEncoding", "base64");
            }

            json.WriteEndObject();
        }

        output.Write("\n"u8);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteFields(Utf8JsonWriter json, string name, HttpHeaders fields)
    {
        json.WriteStartArray(name);
        foreach (var field in fields)
        {
            json.WriteStartArray();
            json.WriteStringValue(field.Name);
            json.WriteStringValue(field.Value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
