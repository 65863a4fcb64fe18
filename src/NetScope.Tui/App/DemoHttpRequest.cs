using System.Text;
using System.Text.RegularExpressions;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;

namespace NetScope.Tui.App;

/// <summary>
/// A demo HTTP request to the listener named <see cref="Listener"/>, written by hand on a raw TCP
/// session (so the transcript shows the request and the answer byte for byte), waiting for the
/// status line, then finishing its side. An HTTP session kind will make this a one-line swap.
/// </summary>
internal sealed class DemoHttpRequest : IDemoPart
{
    public DemoHttpRequest(string listener, string path)
    {
        Listener = listener;
        Path = path;
    }

    /// <summary>The name of the listener to ask.</summary>
    public string Listener { get; }

    /// <summary>The path requested.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public Task<long?> StartAsync(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = HostPort.Parse(context.Addresses[Listener]);
        var request = $"GET {Path} HTTP/1.1\r\nHost: {target}\r\nUser-Agent: netscope-demo\r\nConnection: close\r\n\r\n";
        ScriptStep[] steps = [new SendStep(Encoding.ASCII.GetBytes(request)), new ExpectStep(new Regex(@"HTTP/1\.1 \d{3}"), 5), new HalfCloseStep()];
        var starter = new ScriptedStarter(new TcpSessionStarter(new TcpSessionRequest(target) { Mode = StreamMode.Raw }), steps, "demo request");
        return context.Commands.Open(starter).ContinueWith(_ => (long?)null, TaskScheduler.Default);
    }
}
