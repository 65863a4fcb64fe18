using System.CommandLine;
using System.Globalization;
using System.Net;
using NetScope.Core.Protocols.Classic;
using NetScope.Sessions.Listeners;

namespace NetScope.Cli.Listeners;

/// <summary>The options every <c>netscope listen KIND</c> takes. One instance per subcommand.</summary>
internal sealed class ListenOptions
{
    public Option<int> Port { get; } = new("--port", "-p") { Description = "Port to listen on (0 picks a free one)", DefaultValueFactory = _ => 0, CustomParser = OptionValues.Port };

    public Option<string> Host { get; } = new("--host") { Description = "Address to bind (0.0.0.0 or :: for all interfaces)", DefaultValueFactory = _ => "127.0.0.1" };

    public Option<bool> Line { get; } = new("--line") { Description = "Line framing (each line handled as a unit)" };

    public Option<bool> Raw { get; } = new("--raw") { Description = "Raw framing (bytes as they arrive)" };

    public Option<int> MaxConnections { get; } = new("--max-conns") { Description = "Serve at most N connections at once; more are closed at once (0: no limit)", DefaultValueFactory = _ => 0, CustomParser = OptionValues.Count };

    public Option<double> IdleTimeout { get; } = new("--idle-timeout") { Description = "Close a connection after T seconds without traffic (0: never)", DefaultValueFactory = _ => 0, CustomParser = OptionValues.Seconds };

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<bool> Quiet { get; } = new("--quiet", "-q") { Description = "Print only the listening line, not each connection or request" };

    /// <summary>Adds the options to <paramref name="command"/>; <paramref name="framing"/> adds --line/--raw.</summary>
    public void AddTo(Command command, bool framing)
    {
        command.Options.Add(Port);
        command.Options.Add(Host);
        if (framing)
        {
            command.Options.Add(Line);
            command.Options.Add(Raw);
        }

        command.Options.Add(MaxConnections);
        command.Options.Add(IdleTimeout);
        command.Options.Add(Json);
        command.Options.Add(Quiet);
    }

    /// <summary>Reads and checks the values; a bad one is a usage error naming it.</summary>
    public ListenerSettings Read(ParseResult result, ListenerKind kind, FramingMode defaultFraming, string? quote = null)
    {
        var port = result.GetValue(Port);
        if (port is < 0 or > 65535)
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--port {port}: out of range (0-65535)"));
        }

        var host = result.GetValue(Host) ?? "127.0.0.1";
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (!IPAddress.TryParse(literal, out _))
        {
            throw CliErrors.Usage($"--host '{host}': not an IP address to bind (use 0.0.0.0 or :: for all interfaces)");
        }

        if (result.GetValue(Line) && result.GetValue(Raw))
        {
            throw CliErrors.Usage("--line and --raw: choose one");
        }

        var framing = result.GetValue(Line) ? FramingMode.Line : result.GetValue(Raw) ? FramingMode.Raw : defaultFraming;
        var max = result.GetValue(MaxConnections);
        if (max < 0)
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--max-conns {max}: expected 0 or more"));
        }

        var idle = result.GetValue(IdleTimeout);
        if (idle < 0 || !double.IsFinite(idle))
        {
            throw CliErrors.Usage(string.Create(CultureInfo.InvariantCulture, $"--idle-timeout {idle}: expected seconds >= 0"));
        }

        return new ListenerSettings(kind, literal, port, framing, max, idle, quote);
    }
}
