using System.CommandLine;
using System.Net;
using NetScope.Cli.Hosting;
using NetScope.Cli.Listeners;
using NetScope.Cli.Observation;
using NetScope.Cli.Tls;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Classic;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope listen KIND</c>: starts a ready-made server (echo, discard, chargen, daytime,
/// qotd, chat), prints where it listens, logs each connection, and stops in order on Ctrl-C or SIGTERM.
/// With <c>--tls</c> it serves over TLS, with <c>--cert</c>/<c>--key</c> or a generated self-signed
/// certificate whose fingerprint it prints.
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
        var tls = new TlsListenOptions();
        var command = new Command(name, description);
        options.AddTo(command, framing is not null);
        tls.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction(result => Run(result, options.Read(result, kind, framing ?? FramingMode.Raw), options, tls, observation, framing is not null));
        return command;
    }

    private static Command Qotd()
    {
        var options = new ListenOptions();
        var tls = new TlsListenOptions();
        var quote = new Option<string>("--quote") { Description = "The quote to send (default: a line from Twisted's qotd)" };
        var command = new Command("qotd", "Send a quote, then close (RFC 865)");
        options.AddTo(command, framing: false);
        command.Options.Add(quote);
        tls.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: false);
        command.SetAction(result => Run(result, options.Read(result, ListenerKind.Qotd, FramingMode.Raw, result.GetValue(quote)), options, tls, observation, hasFraming: false));
        return command;
    }

    private static int Run(ParseResult result, ListenerSettings settings, ListenOptions options, TlsListenOptions tlsOptions, ObservationOptions observation, bool hasFraming)
    {
        var output = new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(options.Json));
        var framing = hasFraming ? settings.Framing.ToString().ToLowerInvariant() : null;
        var observe = observation.Read(result);

        // The certificate is loaded (or generated) before the reactor runs, and its fingerprint printed.
        var tls = tlsOptions.Read(result);
        var server = tls is null ? null : TlsListenOptions.CreateServer(tls, result.InvocationConfiguration.Error);
        if (observe.TracePath is null && !observe.Chains)
        {
            return CliReactor.Run(
                reactor =>
                {
                    var factory = new TrackingFactory(ListenerProtocols.Create(settings, TimeProvider.System), reactor, settings.MaxConnections, settings.IdleTimeoutSeconds);
                    factory.AddObserver(output);
                    var listening = server is null ? (IProtocolFactory)factory : reactor.WrapForTls(factory, server, tls!.Layer);
                    return Serve((IPEndPoint)reactor.ListenTcp(settings.Port, listening, bindAddress: settings.Host).GetHost(), settings, output, framing, server);
                },
                interruptIsSuccess: true);
        }

        return ObservedRun.Run(
            observe,
            result.InvocationConfiguration.Error,
            (workspace, _) =>
            {
                var listener = workspace.StartListener(new ClassicListenerStarter(settings, TimeProvider.System, [output], server, tls?.Layer));
                return Serve((IPEndPoint)listener.LocalEndPoint!, settings, output, framing, server);
            },
            interruptIsSuccess: true);
    }

    private static Deferred Serve(IPEndPoint bound, ListenerSettings settings, ListenerOutput output, string? framing, TlsServerOptions? tls)
    {
        output.Listening(settings.Kind.ToString().ToLowerInvariant(), bound, framing, tls is null ? null : "tls " + tls.CertificateFingerprint);

        // A listener runs until it is told to stop.
        return new Deferred().WithLabel($"listen {settings.Kind.ToString().ToLowerInvariant()}");
    }
}
