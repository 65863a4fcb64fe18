using System.Text;

namespace NetScope.Sessions.Trace;

/// <summary>Constants of the JSON-lines trace format (<c>docs/trace-format.md</c>).</summary>
public static class TraceFormat
{
    /// <summary>The format's version, in every line's <c>"v"</c>. It changes only when a field changes meaning or goes away.</summary>
    public const int Version = 1;

    /// <summary>The name in the first line's <c>"format"</c>.</summary>
    public const string Name = "netscope-trace";

    /// <summary>Enum values as the trace writes them: <c>TlsHandshaking</c> becomes <c>tls_handshaking</c>.</summary>
    public static string SnakeCase<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    text.Append('_');
                }

                text.Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
