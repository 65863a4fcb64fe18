using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>How a generated message frames its body.</summary>
internal enum BodyKind
{
    None,
    Length,
    Chunked,
    UntilClose,
}

/// <summary>A generated body with its framing details.</summary>
internal sealed record BodySpec(byte[] Data, BodyKind Kind, int[] ChunkSizes, string[] Extensions, (string Name, string Value)[] Trailers)
{
    public static BodySpec Empty { get; } = new([], BodyKind.None, [], [], []);

    /// <summary>The framing header line this body needs, if any.</summary>
    public (string Name, string Value)? FramingHeader => Kind switch
    {
        BodyKind.Length => ("Content-Length", Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        BodyKind.Chunked => ("Transfer-Encoding", "chunked"),
        _ => null,
    };

    public void WriteTo(List<byte> output)
    {
        switch (Kind)
        {
            case BodyKind.Length or BodyKind.UntilClose:
                output.AddRange(Data);
                break;
            case BodyKind.Chunked:
                var offset = 0;
                var index = 0;
                while (offset < Data.Length)
                {
                    var size = Math.Min(ChunkSizes.Length == 0 ? Data.Length : ChunkSizes[index % ChunkSizes.Length], Data.Length - offset);
                    var extension = Extensions.Length == 0 ? string.Empty : Extensions[index % Extensions.Length];
                    output.AddRange(Encoding.Latin1.GetBytes($"{size:x}{extension}\r\n"));
                    output.AddRange(Data.AsSpan(offset, size));
                    output.AddRange("\r\n"u8);
                    offset += size;
                    index++;
                }

                output.AddRange("0\r\n"u8);
                foreach (var (name, value) in Trailers)
                {
                    output.AddRange(Encoding.Latin1.GetBytes($"{name}: {value}\r\n"));
                }

                output.AddRange("\r\n"u8);
                break;
        }
    }
}

/// <summary>A generated request: what is sent, so the parse can be compared with it.</summary>
internal sealed record RequestSpec(
    string Method,
    string Target,
    HttpProtocolVersion Version,
    (string Name, string Value)[] Headers,
    BodySpec Body,
    string LineEnding)
{
    /// <summary>Every header line in order, the framing line last.</summary>
    public (string Name, string Value)[] AllHeaders =>
        Body.FramingHeader is { } framing ? [.. Headers, framing] : Headers;

    public void WriteTo(List<byte> output)
    {
        var head = new StringBuilder();
        head.Append(Method).Append(' ').Append(Target).Append(' ').Append(Version == HttpProtocolVersion.Http11 ? "HTTP/1.1" : "HTTP/1.0").Append(LineEnding);
        foreach (var (name, value) in AllHeaders)
        {
            head.Append(name).Append(": ").Append(value).Append(LineEnding);
        }

        head.Append(LineEnding);
        output.AddRange(Encoding.Latin1.GetBytes(head.ToString()));
        Body.WriteTo(output);
    }

    public override string ToString()
    {
        var bytes = new List<byte>();
        WriteTo(bytes);
        return Transcript.Escape(bytes.ToArray());
    }
}

/// <summary>A generated response.</summary>
internal sealed record ResponseSpec(
    HttpProtocolVersion Version,
    int Status,
    string Reason,
    (string Name, string Value)[] Headers,
    BodySpec Body,
    string LineEnding)
{
    public (string Name, string Value)[] AllHeaders =>
        Body.FramingHeader is { } framing ? [.. Headers, framing] : Headers;

    public void WriteTo(List<byte> output)
    {
        var head = new StringBuilder();
        head.Append(Version == HttpProtocolVersion.Http11 ? "HTTP/1.1 " : "HTTP/1.0 ").Append(Status).Append(' ').Append(Reason).Append(LineEnding);
        foreach (var (name, value) in AllHeaders)
        {
            head.Append(name).Append(": ").Append(value).Append(LineEnding);
        }

        head.Append(LineEnding);
        output.AddRange(Encoding.Latin1.GetBytes(head.ToString()));
        Body.WriteTo(output);
    }
}

/// <summary>Several messages sent back to back on one connection.</summary>
internal sealed record MessageSequence<T>(T[] Messages, string RequestMethod, byte[] Bytes)
{
    public override string ToString() => Transcript.Escape(Bytes);
}
