using NetScope.Tui.Model;

namespace NetScope.Tui.App;

/// <summary>What the demo's parts share: the commands, the kinds, and the addresses earlier parts listen on (by name).</summary>
internal sealed class DemoContext
{
    public DemoContext(WorkspaceCommands commands, KindCatalog catalog)
    {
        Commands = commands ?? throw new ArgumentNullException(nameof(commands));
        Catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
    }

    /// <summary>The workspace's commands.</summary>
    public WorkspaceCommands Commands { get; }

    /// <summary>The kinds offered.</summary>
    public KindCatalog Catalog { get; }

    /// <summary>Where each demo listener listens ("echo" → "127.0.0.1:40123").</summary>
    public Dictionary<string, string> Addresses { get; } = new(StringComparer.Ordinal);
}
