using System.Net;
using System.Text.RegularExpressions;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// <c>netscope listen KIND ...</c> running in-process, started and read up to its first line
/// (the bound address), which gives the port to connect to.
/// </summary>
internal sealed partial class RunningListener : IAsyncDisposable
{
    private RunningListener(InProcessCli cli, string firstLine, IPEndPoint bound)
    {
        Cli = cli;
        FirstLine = firstLine;
        EndPoint = bound;
    }

    public InProcessCli Cli { get; }

    /// <summary>The first line on stdout: <c>listening on 127.0.0.1:PORT (KIND[, FRAMING])</c>, or a JSON object with <c>--json</c>.</summary>
    public string FirstLine { get; }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public LiveOutput Stdout => Cli.Stdout;

    /// <summary>Starts <c>netscope listen</c> with <paramref name="args"/> (the kind first) and waits for its first line.</summary>
    public static async Task<RunningListener> StartAsync(params string[] args)
    {
        var cli = InProcessCli.Start(["listen", .. args]);
        try
        {
            var first = await cli.Stdout.LineAtAsync(0);
            var bound = args.Contains("--json") ? ParseJson(first) : ParseText(first);
            return new RunningListener(cli, first, bound);
        }
        catch
        {
            await cli.DisposeAsync();
            throw;
        }
    }

    public Task<Peer> ConnectAsync() => Peer.ConnectAsync(EndPoint);

    /// <summary>Waits for the stdout line that starts with <paramref name="prefix"/>.</summary>
    public Task<string> LineStartingAsync(string prefix) =>
        Stdout.LineAsync(line => line.StartsWith(prefix, StringComparison.Ordinal), $"a line starting with \"{prefix}\"");

    /// <summary>Stops the listener as Ctrl-C does and returns the whole run.</summary>
    public Task<CliRun> StopAsync() => Cli.InterruptAsync();

    public ValueTask DisposeAsync() => Cli.DisposeAsync();

    private static IPEndPoint ParseText(string line)
    {
        var match = ListeningLine().Match(line);
        Assert.True(match.Success, $"not a listening line: {line}");
        return new IPEndPoint(IPAddress.Parse(match.Groups["host"].Value), int.Parse(match.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static IPEndPoint ParseJson(string line)
    {
        using var json = System.Text.Json.JsonDocument.Parse(line);
        var root = json.RootElement;
        return new IPEndPoint(IPAddress.Parse(root.GetProperty("host").GetString()!), root.GetProperty("port").GetInt32());
    }

    [GeneratedRegex(@"^listening on \[?(?<host>[0-9a-f.:]+)\]?:(?<port>\d+) \(")]
    private static partial Regex ListeningLine();
}
