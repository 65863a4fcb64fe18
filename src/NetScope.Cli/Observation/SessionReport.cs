using NetScope.Sessions.Rendering;
using NetScope.Sessions.Workspaces;

namespace NetScope.Cli.Observation;

/// <summary>What <c>--chains</c> and <c>--timing</c> print on stderr at exit, for each session.</summary>
internal static class SessionReport
{
    /// <summary>
    /// Writes one line per Deferred whose failure is still unhandled when the run ends: .NET runs
    /// no finalizers at exit, so the report Twisted makes when such a Deferred is collected would never come.
    /// </summary>
    public static void WriteUnhandled(Workspace workspace, TextWriter error)
    {
        foreach (var unhandled in workspace.UnhandledFailures())
        {
            error.WriteLine(CliErrors.Prefix + unhandled);
        }
    }

    /// <summary>Writes the chain trees and timings <paramref name="settings"/> asks for.</summary>
    public static void Write(Workspace workspace, ObservationSettings settings, TextWriter error)
    {
        if (!settings.Chains && !settings.Timing)
        {
            return;
        }

        var snapshot = workspace.Snapshot(new() { TranscriptEntries = 0 });
        foreach (var session in snapshot.Sessions)
        {
            var name = $"#{session.Id} {session.Kind} {session.Target}";
            if (settings.Chains)
            {
                var tree = ChainTreeRenderer.Render(session.Deferreds);
                error.WriteLine($"{CliErrors.Prefix}Deferred chains of {name}{(tree.Count == 0 ? ": none" : ":")}");
                foreach (var line in tree)
                {
                    error.WriteLine(line);
                }
            }

            if (settings.Timing)
            {
                error.WriteLine($"{CliErrors.Prefix}timing of {name}:");
                foreach (var line in TimingTableRenderer.Render(session.Timing))
                {
                    error.WriteLine(line);
                }
            }
        }
    }
}
