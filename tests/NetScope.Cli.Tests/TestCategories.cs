namespace NetScope.Cli.Tests;

/// <summary>
/// The test categories (<c>[Trait("Category", ...)]</c>) and who runs them. A test without a
/// category is a plain one: in-process or against loopback sockets, always run.
/// </summary>
internal static class TestCategories
{
    /// <summary>
    /// Tests against real peers (socat, Twisted from Debian's python3-twisted), which run the
    /// netscope binary as a child process. They run by default, in <c>./install.sh --test</c>
    /// and its <c>--fast</c> mode alike: install.sh installs the peers, and they take seconds.
    /// <c>dotnet test --filter Category!=Interop</c> leaves them out where the peers are missing.
    /// </summary>
    public const string Interop = "Interop";

    /// <summary>
    /// The slow group that <c>./install.sh --test --fast</c> leaves out (filter
    /// <c>Category!=EndToEnd</c>); nothing in this project is that slow.
    /// </summary>
    public const string EndToEnd = "EndToEnd";
}
