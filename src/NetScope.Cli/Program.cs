using System.CommandLine;

namespace NetScope.Cli;

/// <summary>The `netscope` executable.</summary>
public static class Program
{
    /// <summary>Builds the command tree and runs it.</summary>
    public static int Main(string[] args)
    {
        var root = new RootCommand("NetScope: a terminal network-debugging tool on a Twisted-style reactor.");
        return root.Parse(args).Invoke();
    }
}
