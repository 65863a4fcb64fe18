namespace NetScope.Cli.Tests.Tls;

/// <summary>
/// The netscope executable the end-to-end tests run: the installed one named by <c>NETSCOPE_BIN</c>
/// (install.sh sets it), or else the one built next to the tests.
/// </summary>
internal static class NetScopeBinary
{
    public static string Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("NETSCOPE_BIN") is { Length: > 0 } installed
                ? installed
                : System.IO.Path.Combine(AppContext.BaseDirectory, "netscope");
            return File.Exists(path) ? path : throw new FileNotFoundException($"no netscope executable at {path} (set NETSCOPE_BIN)", path);
        }
    }
}
