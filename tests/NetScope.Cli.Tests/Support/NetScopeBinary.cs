using System.Reflection;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// The netscope executable the process tests run: <c>NETSCOPE_BIN</c> when set (install.sh
/// exports the installed binary there during <c>./install.sh --test</c>), otherwise the apphost
/// built next to this test run (<c>src/NetScope.Cli/bin/&lt;Configuration&gt;/net10.0/netscope</c>),
/// which building this project builds too.
/// </summary>
internal static class NetScopeBinary
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("NETSCOPE_BIN") is { Length: > 0 } installed)
        {
            return File.Exists(installed)
                ? installed
                : throw new FileNotFoundException($"NETSCOPE_BIN is {installed}, which does not exist");
        }

        var configuration = typeof(NetScopeBinary).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "NetScope.sln")))
            {
                var built = System.IO.Path.Combine(directory.FullName, "src", "NetScope.Cli", "bin", configuration, "net10.0", "netscope");
                return File.Exists(built)
                    ? built
                    : throw new FileNotFoundException($"no netscope at {built}: build src/NetScope.Cli ({configuration}) or set NETSCOPE_BIN");
            }
        }

        throw new DirectoryNotFoundException($"no NetScope.sln above {AppContext.BaseDirectory}; set NETSCOPE_BIN to the netscope binary");
    }
}
