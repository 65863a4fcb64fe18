using System.Text;
using System.Text.RegularExpressions;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Targets;

namespace NetScope.Tui.App;

/// <summary>
/// A demo line session against the listener named <see cref="Listener"/>: once open it sends a few
/// lines, pausing between them and expecting each echo, then waits for the user to type "bye" (a
/// Deferred left pending on purpose: the Deferreds tab shows its age, and <c>c</c> cancels it).
/// </summary>
internal sealed class DemoLineSession : IDemoPart
{
    private readonly string[] _lines;

    public DemoLineSession(string listener, params string[] lines)
    {
        Listener = listener;
        _lines = lines;
    }

    /// <summary>The name of the listener to connect to.</summary>
    public string Listener { get; }

    /// <inheritdoc/>
    public Task<long?> StartAsync(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = HostPort.Parse(context.Addresses[Listener]);
        var steps = new List<ScriptStep>();
        foreach (var line in _lines)
        {
            steps.Add(new SendStep(Encoding.UTF8.GetBytes(line + "\r\n")));
            steps.Add(new ExpectStep(new Regex(Regex.Escape(line)), 5));
            steps.Add(new WaitStep(1.5));
        }

        steps.Add(new ExpectStep(new Regex("bye", RegexOptions.IgnoreCase), 3600));
        return context.Commands.Open(new ScriptedStarter(new TcpSessionStarter(new TcpSessionRequest(target)), steps, "demo script"))
            .ContinueWith(t => (long?)t.Result, TaskScheduler.Default);
    }
}
