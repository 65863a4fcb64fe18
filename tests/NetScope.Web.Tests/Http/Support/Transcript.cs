using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>Formats parser events as lines, so that whole runs can be compared and read in failures.</summary>
internal static class Transcript
{
    public static string Describe(HttpRequestHead head)
    {
        var text = new StringBuilder();
        text.Append("head ").Append(head).Append(" form=").Append(head.TargetForm)
            .Append(" path=").Append(head.RawPath).Append(" query=").Append(head.Query)
            .Append(" host=").Append(head.Host ?? "(none)").Append(" keep-alive=").Append(head.KeepAlive)
            .Append(" expect=").Append(head.ExpectContinue).Append(" framing=").Append(head.BodyFraming)
            .Append(" length=").Append(head.ContentLength);
        AppendHeaders(text, head.Headers);
        return text.ToString();
    }

    public static string Describe(HttpResponseHead head, string kind)
    {
        var text = new StringBuilder();
        text.Append(kind).Append(' ').Append(head).Append(" keep-alive=").Append(head.KeepAlive)
            .Append(" framing=").Append(head.BodyFraming).Append(" length=").Append(head.ContentLength);
        AppendHeaders(text, head.Headers);
        return text.ToString();
    }

    public static string DescribeTrailers(HttpHeaders trailers)
    {
        var text = new StringBuilder("trailers");
        AppendHeaders(text, trailers);
        return text.ToString();
    }

    public static string Escape(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            text.Append(b is >= 0x20 and < 0x7F and not (byte)'\\' ? ((char)b).ToString() : $"\\x{b:X2}");
        }

        return text.ToString();
    }

    private static void AppendHeaders(StringBuilder text, HttpHeaders headers)
    {
        foreach (var header in headers)
        {
            text.Append(" [").Append(header.Name).Append(": ").Append(header.Value).Append(']');
        }
    }
}
