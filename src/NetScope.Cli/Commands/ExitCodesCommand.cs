using System.CommandLine;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope exit-codes [--json]</c>: lists the exit codes and their meanings, for people and for
/// scripts that want to turn a code back into words. It is also the smallest example of a verb:
/// a factory that builds the command and an action that writes data on stdout.
/// </summary>
internal static class ExitCodesCommand
{
    /// <summary>Creates the <c>exit-codes</c> command.</summary>
    public static Command Create()
    {
        Option<bool> json = CommonOptions.Json();
        var command = new Command("exit-codes", "List the exit codes and what they mean") { json };
        command.SetAction(result => Run(result.GetValue(json), result.InvocationConfiguration.Output));
        return command;
    }

    /// <summary>
    /// Writes the table on <paramref name="output"/>: aligned text, or with <paramref name="json"/> one
    /// JSON array of <c>{"code": 3, "name": "ConnectionRefused", "meaning": "..."}</c> objects.
    /// </summary>
    public static int Run(bool json, TextWriter output)
    {
        if (json)
        {
            output.WriteLine(ToJson());
        }
        else
        {
            ExitCodes.WriteTable(output, "");
        }

        return (int)ExitCode.Success;
    }

    private static string ToJson()
    {
        using var buffer = new MemoryStream();
        // Relaxed escaping keeps ' and + readable; the output goes to a terminal or a pipe, never into HTML.
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var (code, meaning) in ExitCodes.All)
            {
                writer.WriteStartObject();
                writer.WriteNumber("code", (int)code);
                writer.WriteString("name", code.ToString());
                writer.WriteString("meaning", meaning);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
