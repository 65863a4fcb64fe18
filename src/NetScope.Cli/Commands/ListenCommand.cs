using System.CommandLine;
using System.Net;
using NetScope.Cli.Hosting;
using NetScope.Cli.Listeners;
using NetScope.Cli.Observation;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Classic;
using NetScope.Core.Reactor;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;
using NetScope.Web.Server.Listeners;

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
        command.Subcommands.Add(Http());
        return command;
    }

    private static Command Http()
    {
        var options = new ListenOptions();
        var http = new HttpListenOptions();
        var command = new Command("http", "Serve HTTP: a directory (--root, the default), an echo of each request (--echo), or a fixed answer (--status)");
        options.AddTo(command, framing: false);
        http.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction((result, cancellation) =>
        {
            var settings = options.Read(result, ListenerKind.Http, FramingMode.Raw);
            var site = http.Read(result);
            var output = new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(options.Json), connections: false, requests: !result.GetValue(options.Quiet));
            return Task.FromResult(Run(
                result,
                settings,
                observation,
                reactor =>
                {
                    var created = HttpListeners.CreateSite(site, reactor);
                    created.RequestLogged += (_, entry) => output.Request(entry);
                    return created;
                },
                output,
                null,
                HttpListenOptions.Describe(site),
                cancellation));
        });
        return command;
    }

    private static Command Kind(string name, string description, ListenerKind kind, FramingMode? framing)
    {
        var options = new ListenOptions();
        var command = new Command(name, description);
        options.AddTo(command, framing is not null);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction((result, cancellation) =>
        {
            var settings = options.Read(result, kind, framing ?? FramingMode.Raw);
            var output = new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(options.Json), connections: !result.GetValue(options.Quiet));
            return Task.FromResult(Run(result, settings, observation, _ => ListenerProtocols.Create(settings, TimeProvider.System), output, framing is null ? null : settings.Framing.ToString().ToLowerInvariant(), null, cancellation));
        });
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
        command.SetAction((result, cancellation) =>
        {
            var settings = options.Read(result, ListenerKind.Qotd, FramingMode.Raw, result.GetValue(quote));
            var output = new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(options.Json), connections: !result.GetValue(options.Quiet));
            return Task.FromResult(Run(result, settings, observation, _ => ListenerProtocols.Create(settings, TimeProvider.System), output, null, null, cancellation));
        });
        return command;
    }

    // The actions are asynchronous only to receive the invocation's token (how an in-process caller
    // stops the listener, as a signal does); the reactor runs on the calling thread all the same,
    // so System.CommandLine's own signal handling never starts while it runs.
    private static int Run(ParseResult result, ListenerSettings settings, ObservationOptions observation, Func<IReactor, IProtocolFactory> protocols, ListenerOutput output, string? framing, string? detail, CancellationToken cancellation)
    {
        var kind = settings.Kind.ToString().ToLowerInvariant();
        var observe = observation.Read(result);
        if (observe.TracePath is null && !observe.Chains)
        {
            return CliReactor.Run(
                reactor =>
                {
                    var factory = new TrackingFactory(protocols(reactor), reactor, settings.MaxConnections, settings.IdleTimeoutSeconds);
                    factory.AddObserver(output);
                    return Serve(kind, (IPEndPoint)reactor.ListenTcp(settings.Port, factory, bindAddress: settings.Host).GetHost(), output, framing, detail);
                },
                interruptIsSuccess: true,
                cancellation);
        }

        return ObservedRun.Run(
            observe,
            result.InvocationConfiguration.Error,
            (workspace, _) =>
            {
                var listener = workspace.StartListener(new TrackedListenerStarter(kind, settings, protocols(workspace.Reactor), [output]));
                return Serve(kind, (IPEndPoint)listener.LocalEndPoint!, output, framing, detail);
            },
            interruptIsSuccess: true,
            cancellation);
    }

    private static Deferred Serve(string kind, IPEndPoint bound, ListenerOutput output, string? framing, string? detail)
    {
        output.Listening(kind, bound, framing, detail);

        // A listener runs until it is told to stop.
        return new Deferred().WithLabel($"listen {kind}");
    }
}
