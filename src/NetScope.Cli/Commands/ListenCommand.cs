using System.CommandLine;
using System.Net;
using NetScope.Cli.Hosting;
using NetScope.Cli.Listeners;
using NetScope.Cli.Observation;
using NetScope.Cli.Tls;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Protocols.Classic;
using NetScope.Core.Reactor;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Listeners;
using NetScope.Web.Server.Listeners;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope listen KIND</c>: starts a ready-made server (echo, discard, chargen, daytime,
/// qotd, chat, http), prints where it listens, logs each connection (each request for http), and
/// stops in order on Ctrl-C or SIGTERM. With <c>--tls</c> it serves over TLS, with
/// <c>--cert</c>/<c>--key</c> or a generated self-signed certificate whose fingerprint it prints.
/// </summary>
/// <remarks>
/// Without <c>--trace</c> or <c>--chains</c> the listener runs straight on the reactor, with
/// nothing recorded beyond the log; with either, it runs in a workspace where every accepted
/// connection is a session with its transcript, Deferred chains and timings.
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

    private static Command Kind(string name, string description, ListenerKind kind, FramingMode? framing)
    {
        var verb = new Verb(name, description, framing is not null);
        verb.Command.SetAction((result, cancellation) =>
        {
            var settings = verb.Options.Read(result, kind, framing ?? FramingMode.Raw);
            var output = verb.Output(result, requests: false);
            return Task.FromResult(Run(result, verb, settings, _ => ListenerProtocols.Create(settings, TimeProvider.System), output, framing is null ? null : settings.Framing.ToString().ToLowerInvariant(), null, cancellation));
        });
        return verb.Command;
    }

    private static Command Qotd()
    {
        var verb = new Verb("qotd", "Send a quote, then close (RFC 865)", framing: false);
        var quote = new Option<string>("--quote") { Description = "The quote to send (default: a line from Twisted's qotd)" };
        verb.Command.Options.Add(quote);
        verb.Command.SetAction((result, cancellation) =>
        {
            var settings = verb.Options.Read(result, ListenerKind.Qotd, FramingMode.Raw, result.GetValue(quote));
            var output = verb.Output(result, requests: false);
            return Task.FromResult(Run(result, verb, settings, _ => ListenerProtocols.Create(settings, TimeProvider.System), output, null, null, cancellation));
        });
        return verb.Command;
    }

    private static Command Http()
    {
        var verb = new Verb("http", "Serve HTTP: a directory (--root, the default), an echo of each request (--echo), or a fixed answer (--status)", framing: false);
        var http = new HttpListenOptions();
        http.AddTo(verb.Command);
        verb.Command.SetAction((result, cancellation) =>
        {
            var settings = verb.Options.Read(result, ListenerKind.Http, FramingMode.Raw);
            var site = http.Read(result);
            var output = verb.Output(result, requests: true);
            return Task.FromResult(Run(
                result,
                verb,
                settings,
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
        return verb.Command;
    }

    // The actions are asynchronous only to receive the invocation's token (how an in-process caller
    // stops the listener, as a signal does); the reactor runs on the calling thread all the same,
    // so System.CommandLine's own signal handling never starts while it runs.
    private static int Run(
        ParseResult result,
        Verb verb,
        ListenerSettings settings,
        Func<IReactor, IProtocolFactory> protocols,
        ListenerOutput output,
        string? framing,
        string? detail,
        CancellationToken cancellation)
    {
        var kind = settings.Kind.ToString().ToLowerInvariant();
        var observe = verb.Observation.Read(result);

        // The certificate is loaded (or generated) before the reactor runs, and its fingerprint printed.
        var tls = verb.Tls.Read(result);
        var server = tls is null ? null : TlsListenOptions.CreateServer(tls, result.InvocationConfiguration.Error);
        var tlsDetail = server is null ? null : "tls " + server.CertificateFingerprint;
        detail = detail is null ? tlsDetail : tlsDetail is null ? detail : $"{detail}, {tlsDetail}";
        if (observe.TracePath is null && !observe.Chains)
        {
            return CliReactor.Run(
                reactor =>
                {
                    var factory = new TrackingFactory(protocols(reactor), reactor, settings.MaxConnections, settings.IdleTimeoutSeconds);
                    factory.AddObserver(output);
                    var listening = server is null ? (IProtocolFactory)factory : reactor.WrapForTls(factory, server, tls!.Layer);
                    return Serve(kind, (IPEndPoint)reactor.ListenTcp(settings.Port, listening, bindAddress: settings.Host).GetHost(), output, framing, detail);
                },
                interruptIsSuccess: true,
                cancellation);
        }

        return ObservedRun.Run(
            observe,
            result.InvocationConfiguration.Error,
            (workspace, _) =>
            {
                var listener = workspace.StartListener(new TrackedListenerStarter(kind, settings, protocols(workspace.Reactor), [output], server, tls?.Layer));
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

    /// <summary>One listen subcommand and the option groups every kind has.</summary>
    private sealed class Verb
    {
        public Verb(string name, string description, bool framing)
        {
            Command = new Command(name, description);
            Options.AddTo(Command, framing);
            Tls.AddTo(Command);
            Observation = ObservationOptions.AddTo(Command, timing: false);
        }

        public Command Command { get; }

        public ListenOptions Options { get; } = new();

        public TlsListenOptions Tls { get; } = new();

        public ObservationOptions Observation { get; }

        /// <summary>The log: connections for stream listeners, requests for HTTP, both silenced by --quiet.</summary>
        public ListenerOutput Output(ParseResult result, bool requests)
        {
            var quiet = result.GetValue(Options.Quiet);
            return new ListenerOutput(result.InvocationConfiguration.Output, result.GetValue(Options.Json), connections: !requests && !quiet, requests: requests && !quiet);
        }
    }
}
