using NetScope.Sessions.Snapshots;
using NetScope.Tui.Model;

namespace NetScope.Tui.App;

/// <summary>A demo listener of <paramref name="Kind"/> on a free loopback port, remembered as <paramref name="Name"/> for the parts after it.</summary>
/// <param name="Name">The name later parts find its address by.</param>
/// <param name="Kind">The listener kind (see <see cref="KindCatalog"/>).</param>
internal sealed record DemoListener(string Name, string Kind) : IDemoPart
{
    /// <inheritdoc/>
    public async Task<long?> StartAsync(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var kind = context.Catalog.FindListener(Kind) ?? throw new InvalidOperationException($"no {Kind} listener in this build");
        var id = await context.Commands.Listen(context.Catalog, new ListenRequest(Kind, "127.0.0.1", 0, kind.HasFraming)).ConfigureAwait(false);
        var snapshot = await context.Commands.Workspace.SnapshotAsync(new SnapshotOptions { Only = new HashSet<long> { id }, TranscriptEntries = 0, IncludeDeferreds = false }).ConfigureAwait(false);
        context.Addresses[Name] = snapshot.Listeners.Single().Address!;
        return null;
    }
}
