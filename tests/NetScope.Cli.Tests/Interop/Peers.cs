using System.Globalization;
using System.Text.RegularExpressions;
using NetScope.Cli.Tests.Support;

namespace NetScope.Cli.Tests.Interop;

/// <summary>Starts the real peers of the interop tests, each as a child process the caller disposes.</summary>
internal static partial class Peers
{
    /// <summary>The path of a Twisted script copied next to the tests.</summary>
    public static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Interop", "Scripts", name);

    /// <summary>Twisted's echo server on 127.0.0.1 (it half-closes back when the client does); returns it and its port.</summary>
    public static async Task<(ChildProcess Server, int Port)> TwistedEchoServerAsync()
    {
        var server = ChildProcess.Start(ChildProcess.Python, Script("twisted_echo_server.py"));
        try
        {
            var port = int.Parse(await server.Stdout.LineAtAsync(0), CultureInfo.InvariantCulture);
            return (server, port);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// <c>socat OPTIONS TCP-LISTEN:0 OTHER</c>: one connection on a free port of 127.0.0.1,
    /// joined to <paramref name="other"/> (e.g. <c>PIPE</c> for an echo). The port comes from
    /// socat's own report (<c>-d -d</c> prints "listening on AF=2 127.0.0.1:PORT").
    /// </summary>
    public static async Task<(ChildProcess Server, int Port)> SocatServerAsync(string other, params string[] options)
    {
        var server = ChildProcess.Start("socat", ["-d", "-d", .. options, "TCP-LISTEN:0,bind=127.0.0.1", other]);
        try
        {
            var line = await server.Stderr.LineAsync(line => line.Contains(" listening on ", StringComparison.Ordinal), "socat's listening report");
            var match = SocatListening().Match(line);
            Assert.True(match.Success, line);
            return (server, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the netscope binary's <c>listen ARGS</c> and reads the port from its first line.</summary>
    public static async Task<(ChildProcess Listener, int Port)> NetScopeListenAsync(params string[] args)
    {
        var listener = ChildProcess.NetScope(["listen", .. args]);
        try
        {
            var match = ListeningLine().Match(await listener.Stdout.LineAtAsync(0));
            Assert.True(match.Success, listener.Stdout.Text);
            return (listener, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        catch
        {
            await listener.DisposeAsync();
            throw;
        }
    }

    /// <summary>Random bytes (every value of a byte appears), the same for the same <paramref name="seed"/>.</summary>
    public static byte[] Payload(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [GeneratedRegex(@" listening on AF=2 127\.0\.0\.1:(\d+)$")]
    private static partial Regex SocatListening();

    [GeneratedRegex(@"^listening on 127\.0\.0\.1:(\d+) \(")]
    private static partial Regex ListeningLine();
}
