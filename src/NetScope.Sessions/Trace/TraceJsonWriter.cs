using System.Buffers;
using System.Text;
using System.Text.Json;
using NetScope.Sessions.Events;
using NetScope.Sessions.Timing;

namespace NetScope.Sessions.Trace;

/// <summary>
/// Writes workspace events as JSON objects, one per line, as <c>docs/trace-format.md</c>
/// documents them: every object has <c>v</c>, <c>seq</c>, <c>t</c> and <c>type</c>, then the
/// fields of its type (always all of them; <c>null</c> where there is no value).
/// </summary>
public static partial class TraceJsonWriter
{
    private static readonly JsonWriterOptions Options = new() { Indented = false, SkipValidation = false };

    /// <summary>The first line of a trace: the format, its version, the reactor and the wall-clock time of <c>t</c> = 0.</summary>
    public static string Header(string reactor, DateTimeOffset start) => Serialize(writer =>
    {
        WriteCommon(writer, 0, 0, "trace.started");
        writer.WriteString("format", TraceFormat.Name);
        writer.WriteString("reactor", reactor);
        writer.WriteString("wall_clock", start.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    });

    /// <summary><paramref name="next"/> as one line of JSON (no line ending).</summary>
    public static string Serialize(WorkspaceEvent next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Serialize(writer => Write(writer, next));
    }

    /// <summary>Writes <paramref name="next"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, WorkspaceEvent next)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(next);
        writer.WriteStartObject();
        writer.WriteNumber("v", TraceFormat.Version);
        writer.WriteNumber("seq", next.Sequence);
        WriteSeconds(writer, "t", next.Time);
        WriteFields(writer, next);
        writer.WriteEndObject();
    }

    private static string Serialize(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteCommon(Utf8JsonWriter writer, long sequence, double time, string type)
    {
        writer.WriteStartObject();
        writer.WriteNumber("v", TraceFormat.Version);
        writer.WriteNumber("seq", sequence);
        WriteSeconds(writer, "t", time);
        writer.WriteString("type", type);
    }

    private static void WriteSeconds(Utf8JsonWriter writer, string name, double seconds) =>
        writer.WriteNumber(name, Math.Round(seconds, 6));

    private static void WriteSeconds(Utf8JsonWriter writer, string name, double? seconds)
    {
        if (seconds is { } value)
        {
            WriteSeconds(writer, name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteTiming(Utf8JsonWriter writer, PhaseTimings timing)
    {
        writer.WriteStartObject("timing");
        writer.WriteStartArray("phases");
        foreach (var phase in timing.Phases)
        {
            writer.WriteStartObject();
            writer.WriteString("name", phase.Name);
            WriteSeconds(writer, "at", phase.At);
            WriteSeconds(writer, "took", phase.Took);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteSeconds(writer, "total", timing.Total);
        if (timing.LineRoundTrips is { } trips)
        {
            writer.WriteStartObject("line_round_trips");
            writer.WriteNumber("count", trips.Count);
            WriteSeconds(writer, "min", trips.Min);
            WriteSeconds(writer, "mean", trips.Mean);
            WriteSeconds(writer, "max", trips.Max);
            WriteSeconds(writer, "last", trips.Last);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("line_round_trips");
        }

        writer.WriteEndObject();
    }
}
