using NetScope.Tui.Model;

namespace NetScope.Tui.App;

/// <summary>Runs a <see cref="StartupPlan"/>: listeners first (each awaited), then sessions; failures go to the Log tab.</summary>
internal static class StartupRunner
{
    /// <summary>Starts everything in <paramref name="plan"/>; returns the number of the first session opened, if any.</summary>
    public static async Task<long?> RunAsync(StartupPlan plan, WorkspaceCommands commands, KindCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var listen in plan.Listens)
        {
            try
            {
                await commands.Listen(catalog, listen).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reported in the Log tab by the command; the next item still starts.
            }
        }

        long? first = null;
        foreach (var open in plan.Opens)
        {
            try
            {
                var id = await commands.Open(catalog.FindSession(open.Kind)!.Create(open)).ConfigureAwait(false);
                first ??= id;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // Reported in the Log tab.
            }
        }

        return first;
    }
}
