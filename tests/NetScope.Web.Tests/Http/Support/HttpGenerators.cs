using System.Text;
using CsCheck;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>CsCheck generators of valid HTTP/1.1 messages and of mutations of them.</summary>
internal static class HttpGenerators
{
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const string PathChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@";
    private const string ValueChars =
        " \t!\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~\u0080\u00A0\u00E9\u00FF";

    // Names whose values change framing or validity; the generators add those deliberately, never at random.
    private static readonly string[] FramingNames = ["host", "content-length", "transfer-encoding", "connection", "expect"];

    private static readonly Gen<string> Token = Gen.Char[TokenChars].Array[1, 10].Select(chars => new string(chars));

    private static readonly Gen<string> FieldName = Gen.Frequency(
            (3, Gen.OneOf("Accept", "User-Agent", "Cookie", "Cache-Control", "X-Trace-Id", "accept-language")),
            (2, Token))
        .Where(name => !FramingNames.Contains(name.ToLowerInvariant()));

    private static readonly Gen<string> FieldValue = Gen.Char[ValueChars].Array[0, 24].Select(chars => new string(chars).Trim(' ', '\t'));

    private static readonly Gen<(string Name, string Value)[]> Fields = Gen.Select(FieldName, FieldValue).Array[0, 6];

    private static readonly Gen<string> Segment = Gen.Frequency(
        (5, Gen.Char[PathChars].Array[0, 8].Select(chars => new string(chars))),
        (1, Gen.OneOf("%2F", "%2e%2e", "..", "%00", "a%20b", "caf%C3%A9", "%zz")));

    private static readonly Gen<string> OriginTarget = Gen.Select(
        Segment.Array[1, 4],
        Gen.Bool,
        Gen.Char[PathChars + "/?%"].Array[0, 12],
        (segments, hasQuery, query) => "/" + string.Join('/', segments) + (hasQuery ? "?" + new string(query) : string.Empty));

    private static readonly Gen<string> Authority = Gen.Select(
        Gen.OneOf("example.com", "127.0.0.1", "[::1]", "localhost", "xn--caf-dma.example"),
        Gen.OneOf(string.Empty, ":80", ":8080", ":65535"),
        (host, port) => host + port);

    private static readonly Gen<string> Method = Gen.Frequency(
        (6, Gen.OneOf(HttpMethods.Get, HttpMethods.Head, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete, HttpMethods.Patch, HttpMethods.Trace, HttpMethods.Options)),
        (1, Token));

    private static readonly Gen<(string Method, string Target)> RequestLine = Gen.Frequency(
        (8, Gen.Select(Method, OriginTarget)),
        (1, Gen.Select(Method, Gen.Select(Gen.OneOf("http", "https", "HTTP"), Authority, OriginTarget, (s, a, o) => $"{s}://{a}{o}"))),
        (1, Gen.Const((HttpMethods.Options, "*"))),
        (1, Gen.Select(Authority.Where(a => a.Contains("]:", StringComparison.Ordinal) || (!a.Contains('[', StringComparison.Ordinal) && a.Contains(':', StringComparison.Ordinal))), a => (HttpMethods.Connect, a))));

    private static readonly Gen<(string Name, string Value)[]> Trailers = Gen.Select(FieldName, FieldValue).Array[0, 2];

    private static readonly Gen<string[]> Extensions = Gen.OneOf<string>("", ";a", ";a=b", "; name = \"q \\\" v\"", ";x;y=1", " ;z").Array[0, 3];

    private static readonly Gen<byte[]> BodyData = Gen.Byte.Array[0, 40];

    private static readonly Gen<int[]> ChunkSizes = Gen.Int[1, 17].Array[0, 4];

    public static Gen<MessageSequence<RequestSpec>> Requests { get; } =
        Request.Array[1, 3].Select(requests =>
        {
            var bytes = new List<byte>();
            foreach (var request in requests)
            {
                request.WriteTo(bytes);
            }

            return new MessageSequence<RequestSpec>(requests, HttpMethods.Get, [.. bytes]);
        });

    public static Gen<MessageSequence<ResponseSpec>> Responses { get; } =
        from method in Gen.Frequency((4, Gen.Const(HttpMethods.Get)), (1, Gen.Const(HttpMethods.Head)))
        from responses in Response(method == HttpMethods.Head).Array[1, 3]
        select BuildResponses(method, responses);

    /// <summary>Valid messages with up to four mutations: bytes flipped, inserted, deleted, truncated.</summary>
    public static Gen<byte[]> Mutated(Gen<byte[]> valid) =>
        from bytes in valid
        from mutations in Mutation.Array[1, 4]
        select mutations.Aggregate(bytes, (current, mutation) => mutation(current));

    private static Gen<RequestSpec> Request =>
        from line in RequestLine
        from version in Gen.Frequency((4, Gen.Const(HttpProtocolVersion.Http11)), (1, Gen.Const(HttpProtocolVersion.Http10)))
        from host in Authority
        from sendHost in Gen.Bool
        from fields in Fields
        from connection in Gen.OneOf<string?>(null, "close", "keep-alive", "Upgrade, keep-alive")
        from body in Body(allowNone: true, allowChunked: version == HttpProtocolVersion.Http11, allowUntilClose: false, noBody: false)
        from lineEnding in Gen.Frequency((5, Gen.Const("\r\n")), (1, Gen.Const("\n")))
        select new RequestSpec(
            line.Method,
            line.Target,
            version,
            [.. (version == HttpProtocolVersion.Http11 || sendHost ? [("Host", host)] : Array.Empty<(string, string)>()),
                .. fields,
                .. (connection is null ? Array.Empty<(string, string)>() : [("Connection", connection)])],
            body,
            lineEnding);

    private static Gen<ResponseSpec> Response(bool toHead) =>
        from version in Gen.Frequency((4, Gen.Const(HttpProtocolVersion.Http11)), (1, Gen.Const(HttpProtocolVersion.Http10)))
        from status in Gen.Frequency((6, Gen.Const(200)), (2, Gen.Int[102, 599].Where(s => s != 101)), (1, Gen.OneOf(100, 103, 204, 304)))
        from reason in Gen.Frequency((3, Gen.Const((string?)null)), (1, FieldValue.Select(v => (string?)v)))
        from fields in Fields
        from body in Body(allowNone: false, allowChunked: true, allowUntilClose: true, noBody: toHead || status < 200 || status is 204 or 304)
        from lineEnding in Gen.Frequency((5, Gen.Const("\r\n")), (1, Gen.Const("\n")))
        select new ResponseSpec(version, status, reason ?? HttpReasonPhrases.Get(status), fields, body, lineEnding);

    private static Gen<BodySpec> Body(bool allowNone, bool allowChunked, bool allowUntilClose, bool noBody) =>
        noBody
            ? Gen.Const(BodySpec.Empty)
            : from data in BodyData
              from kind in Gen.OneOf(
                  [.. allowNone ? [BodyKind.None] : Array.Empty<BodyKind>(), BodyKind.Length, .. allowChunked ? [BodyKind.Chunked] : Array.Empty<BodyKind>(), .. allowUntilClose ? [BodyKind.UntilClose] : Array.Empty<BodyKind>()])
              from sizes in ChunkSizes
              from extensions in Extensions
              from trailers in Trailers
              select new BodySpec(kind == BodyKind.None ? [] : data, kind, sizes, extensions, kind == BodyKind.Chunked ? trailers : []);

    private static MessageSequence<ResponseSpec> BuildResponses(string method, ResponseSpec[] responses)
    {
        // A body that runs until close can only be the last message on the connection.
        for (var i = 0; i < responses.Length - 1; i++)
        {
            if (responses[i].Body.Kind == BodyKind.UntilClose)
            {
                responses[i] = responses[i] with { Body = responses[i].Body with { Kind = BodyKind.Length } };
            }
        }

        var bytes = new List<byte>();
        foreach (var response in responses)
        {
            response.WriteTo(bytes);
        }

        return new MessageSequence<ResponseSpec>(responses, method, [.. bytes]);
    }

    private static readonly byte[][] InterestingInsertions =
    [
        "\r\n"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), " "u8.ToArray(), ":"u8.ToArray(), "0"u8.ToArray(), "\0"u8.ToArray(),
        [0xFF], "\t"u8.ToArray(), ";"u8.ToArray(), "\r\n\r\n"u8.ToArray(), "Transfer-Encoding: chunked\r\n"u8.ToArray(),
        "Content-Length: 3\r\n"u8.ToArray(), "Host: h\r\n"u8.ToArray(), "HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(),
        "ffffffffffffffffff\r\n"u8.ToArray(), "GET / HTTP/1.1\r\n"u8.ToArray(),
    ];

    private static readonly Gen<Func<byte[], byte[]>> Mutation = Gen.Frequency<Func<byte[], byte[]>>(
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte, (at, value) => (Func<byte[], byte[]>)(bytes => Flip(bytes, at, value)))),
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte.Array[1, 3], (at, inserted) => (Func<byte[], byte[]>)(bytes => Insert(bytes, at, inserted)))),
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.OneOf(InterestingInsertions), (at, inserted) => (Func<byte[], byte[]>)(bytes => Insert(bytes, at, inserted)))),
        (3, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[1, 6], (at, count) => (Func<byte[], byte[]>)(bytes => Delete(bytes, at, count)))),
        (1, Gen.Int[0, int.MaxValue].Select(at => (Func<byte[], byte[]>)(bytes => bytes[..(at % (bytes.Length + 1))]))));

    private static byte[] Flip(byte[] bytes, int at, byte value)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var copy = (byte[])bytes.Clone();
        copy[at % copy.Length] = value;
        return copy;
    }

    private static byte[] Insert(byte[] bytes, int at, byte[] inserted)
    {
        var position = at % (bytes.Length + 1);
        return [.. bytes.AsSpan(0, position), .. inserted, .. bytes.AsSpan(position)];
    }

    private static byte[] Delete(byte[] bytes, int at, int count)
    {
        if (bytes.Length == 0)
        {
            return bytes;
        }

        var position = at % bytes.Length;
        var end = Math.Min(bytes.Length, position + count);
        return [.. bytes.AsSpan(0, position), .. bytes.AsSpan(end)];
    }

    internal static string Describe(byte[] bytes) => Transcript.Escape(bytes) + $" ({Encoding.Latin1.GetString(bytes).Length} bytes)";
}
