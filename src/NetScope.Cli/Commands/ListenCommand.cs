using System.CommandLine;
using System.Net;
using NetScope.Cli.Hosting;
using NetScope.Cli.Listeners;
using NetScope.Cli.Observation;
using NetScope.Core.Defer;
using NetScope.Core.Protocols.Classic;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope listen KIND</c>: starts a ready-made server (echo, discard, chargen, daytime,
/// qotd, chat), prints where it listens, logs each connection, and stops in order on Ctrl-C or SIGTERM.
/// </summary>
/// <remarks>
/// Without <c>--trace</c> or <c>--chains</c> the listener runs straight on the reactor, with
/// nothing recorded beyond the connection log; with either, it runs in a workspace where every
/// accepted connection is a session with its transcript, Deferred chains and timings.
/// </remarks>
internal static class ListenCommand
{
    /// <summary>Creates the <c>listen</c> command with one subcommand per kind.</summary>
    public static Command Create()
    {
        var command = new Command("listen", "Start a listener: a ready-made server on a local port (binds 127.0.0.1 unless --host says otherwise)");
        command.Subcommands.Add(Kind("echo", "Send back whatever arrives (RFC 862); --line echoes whole lines", ListenerKind.Echo, FramingMode.Raw));
        command.Subcommands.Add(Kind("discard", "Read and throw away everything (RFC 863)", ListenerKind.Discard, null));
        command.Subcommands.Add(Kind("chargen", "Send the RFC 864 character pattern as fast as the client reads", ListenerKind.Chargen, null));
        command.Subcommands.Add(Kind("daytime", "Send the date and time, then close (RFC 867)", ListenerKind.Daytime, null));
        command.Subcommands.Add(Qotd());
        command.Subcommands.Add(Kind("chat", "Relay every line from one client to all the others (/nick NAME, /who, /quit)", ListenerKind.Chat, FramingMode.Line));
        return command;
    }

    private static Command Kind(string name, string description, ListenerKind kind, FramingMode? framing)
    {
        var options = new ListenOptions();
        var command = new Command(name, description);
        options.AddTo(command, framing is not null);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction((result, cancellation) => Task.FromResult(Run(result, options.Read(result, kind, framing ?? FramingMode.Raw), options, observation, framing is not null, cancellation)));
        return command;
    }

    private static Command Qotd()
    {
        var options = new ListenOptions();
        var quote = new Option<string>("--quote") { Description = "The quote to send (default: a line from Twisted's qotd)" };
        var command = new Command("qotd", "Send a quote, then close (RFC 865)");
        options.AddTo(command, framing: false);
        command.Options.Add(quote);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction((result, cancellation) => Task.FromResult(Run(result, options.Read(result, ListenerKind.Qotd, FramingMode.Raw, result.GetValue(quote)), options, observation, hasFraming: false, cancellation)));
        return command;
    }

    // The action is asynchronous only to receive the invocation's token (how an in-process caller
    // stops the listener, as a signal does); the reactor runs on the calling thread all the same,
    // so System.CommandLine's own signal handling never starts while it runs.
    private static int Run(ParseResult result, ListenerSettings settings, ListenOptions options, ObservationOptions observation, bool hasFraming, CancellationToken cancellation)
    {
        var output = new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(options.Json));
        var framing = hasFraming ? settings.Framing.ToString().ToLowerInvariant() : null;
        var observe = observation.Read(result);
        if (observe.TracePath is null && !observe.Chains)
        {
            return CliReactor.Run(
                reactor =>
                {
                    var factory = new TrackingFactory(ListenerProtocols.Create(settings, TimeProvider.System), reactor, settings.MaxConnections, settings.IdleTimeoutSeconds);
                    factory.AddObserver(output);
                    return Serve((IPEndPoint)reactor.ListenTcp(settings.Port, factory, bindAddress: settings.Host).GetHost(), settings, output, framing);
                },
                interruptIsSuccess: true,
                cancellation);
        }

        return ObservedRun.Run(
            observe,
            result.InvocationConfiguration.Error,
            (workspace, _) =>
            {
                var listener = workspace.StartListener(new ClassicListenerStarter(settings, TimeProvider.System, [output]));
                return Serve((IPEndPoint)listener.LocalEndPoint!, settings, output, framing);
            },
            interruptIsSuccess: true,
            cancellation);
    }

    private static Deferred Serve(IPEndPoint bound, ListenerSettings settings, ListenerOutput output, string? framing)
    {
        output.Listening(settings.Kind.ToString().ToLowerInvariant(), bound, framing, null);

        // A listener runs until it is told to stop.
        return new Deferred().WithLabel($"listen {settings.Kind.ToString().ToLowerInvariant()}");
    }
}
