using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using NetScope.Cli.Streams;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Cli.Http;

/// <summary>
/// The --json-output document: the final response's status and headers (as received), the phase timings, the
/// redirects followed, and the body as text (when it is UTF-8 and at most 1 MiB, and not written to a file) or
/// only its size.
/// </summary>
internal static class HttpJsonReport
{
    /// <summary>Writes the document and a newline on stdout.</summary>
    public static void Write(ByteOutput stdout, HttpResponse response, BodySink sink, string? bodyFile)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("method", response.Method);
            json.WriteString("url", response.Url.ToString());
            json.WriteNumber("status", response.StatusCode);
            json.WriteString("reason", response.ReasonPhrase);
            json.WriteString("version", response.Version == HttpProtocolVersion.Http11 ? "HTTP/1.1" : "HTTP/1.0");
            WriteHeaders(json, (response.Undecoded ?? response).Headers);
            WriteTimings(json, response.Timings);
            json.WriteStartArray("redirects");
            foreach (var redirect in Redirects(response))
            {
                json.WriteStartObject();
                json.WriteString("method", redirect.Method);
                json.WriteString("url", redirect.Url.ToString());
                json.WriteNumber("status", redirect.StatusCode);
                json.WriteString("location", redirect.Headers.Get(HttpHeaderNames.Location));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            var text = Text(sink.Kept);
            if (text is null)
            {
                json.WriteNull("body");
            }
            else
            {
                json.WriteString("body", text);
            }

            json.WriteNumber("body_size", sink.Size);
            if (bodyFile is null)
            {
                json.WriteNull("body_file");
            }
            else
            {
                json.WriteString("body_file", bodyFile);
            }

            json.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        stdout.Write(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        stdout.Flush();
    }

    private static void WriteHeaders(Utf8JsonWriter json, HttpHeaders headers)
    {
        // Pairs, not an object: order and repeated names are part of what was received.
        json.WriteStartArray("headers");
        foreach (var header in headers)
        {
            json.WriteStartArray();
            json.WriteStringValue(header.Name);
            json.WriteStringValue(header.Value);
            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteTimings(Utf8JsonWriter json, HttpRequestTimings timings)
    {
        json.WriteStartObject("timings");
        foreach (var (name, value) in new (string, double?)[]
        {
            ("dns", timings.Dns), ("connect", timings.Connect), ("tls", timings.Tls), ("request_sent", timings.RequestSent),
            ("first_byte", timings.FirstByte), ("headers", timings.Headers), ("done", timings.Done),
        })
        {
            if (value is { } seconds)
            {
                json.WriteNumber(name, Math.Round(seconds, 6));
            }
            else
            {
                json.WriteNull(name);
            }
        }

        json.WriteBoolean("connection_reused", timings.ConnectionReused);
        json.WriteEndObject();
    }

    private static IEnumerable<HttpResponse> Redirects(HttpResponse response)
    {
        var chain = new List<HttpResponse>();
        for (var previous = response.PreviousResponse; previous is not null; previous = previous.PreviousResponse)
        {
            chain.Add(previous);
        }

        chain.Reverse();
        return chain;
    }

    private static string? Text(byte[]? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
