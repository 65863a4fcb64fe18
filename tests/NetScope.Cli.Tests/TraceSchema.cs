using System.Text.Json;
using Json.Schema;

namespace NetScope.Cli.Tests;

/// <summary>The trace format's JSON Schema (docs/trace-format.schema.json), and checking lines against it.</summary>
internal static class TraceSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(RepositoryRoot(), "docs", "trace-format.schema.json")));

    /// <summary>The reasons <paramref name="line"/> does not match the schema (empty when it does).</summary>
    public static IReadOnlyList<string> Check(string line)
    {
        using var document = JsonDocument.Parse(line);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? [])
            .Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Key}: {e.Value}"))
            .Prepend(line)
            .ToArray();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NetScope.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("NetScope.sln not found above the test binaries.");
    }
}
