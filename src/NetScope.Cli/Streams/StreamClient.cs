using NetScope.Cli.Tls;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Observation;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Core.Tls;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Workspaces;

namespace NetScope.Cli.Streams;

/// <summary>
/// The body of <c>netscope tcp</c> and <c>netscope tls</c>: connect (over TLS from the start, or in
/// plaintext with STARTTLS on request), report the handshake, then let the script (or stdin) drive the
/// session; when the input ends, either half-close and read until the peer closes, or keep reading
/// until the peer is quiet for the linger time or closes; and turn how it ended into the exit code.
/// </summary>
internal sealed class StreamClient
{
    private readonly IReactor _reactor;
    private readonly Session _opening;
    private readonly HostPort _target;
    private readonly StreamSettings _settings;
    private readonly TlsSettings? _tls;
    private readonly ByteOutput _output;
    private readonly TextWriter _error;
    private readonly StreamSession _session;
    private StdinPump? _stdin;
    private bool _interrupted;

    private StreamClient(IReactor reactor, Session opening, HostPort target, StreamSettings settings, TlsSettings? tls, ByteOutput output, TextWriter error)
    {
        _reactor = reactor;
        _opening = opening;
        _target = target;
        _settings = settings;
        _tls = tls;
        _output = output;
        _error = error;
        _session = opening.Stream!;
        _session.AddListener(new StreamOutput(output, error, settings.Hex, settings.Verbose, target.ToString()));
    }

    /// <summary>
    /// Runs one session to its end in <paramref name="workspace"/>; the Deferred fires with an
    /// <see cref="ExitCode"/> or fails with the reason.
    /// </summary>
    /// <param name="workspace">The workspace the session runs in (on the reactor, on this thread).</param>
    /// <param name="target">Where to connect.</param>
    /// <param name="settings">Framing, script and timing.</param>
    /// <param name="tls">How to speak TLS: from the start when <paramref name="tlsFromStart"/>, else on STARTTLS; null for plain TCP only.</param>
    /// <param name="tlsFromStart">True for <c>netscope tls</c>: the handshake starts as soon as TCP connects.</param>
    /// <param name="output">Received data (and the JSON report).</param>
    /// <param name="error">Diagnostics and the handshake summary.</param>
    /// <param name="stdin">Opens standard input when no script is given.</param>
    public static Deferred Run(
        Workspace workspace, HostPort target, StreamSettings settings, TlsSettings? tls, bool tlsFromStart, ByteOutput output, TextWriter error, Func<Stream> stdin)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (tlsFromStart && tls is null)
        {
            throw new ArgumentException("TLS from the start needs TLS settings.", nameof(tls));
        }

        var opening = tlsFromStart
            ? workspace.Open(new TlsSessionStarter(new TlsSessionRequest(target, tls!.CreateClientOptions(target))
            {
                Mode = settings.Mode,
                LineEnding = settings.LineEnding,
                TimeoutSeconds = settings.TimeoutSeconds,
                Layer = Layer(settings),
            }))
            : workspace.OpenTcp(new TcpSessionRequest(target)
            {
                Mode = settings.Mode,
                LineEnding = settings.LineEnding,
                TimeoutSeconds = settings.TimeoutSeconds,
            });
        var client = new StreamClient(workspace.Reactor, opening, target, settings, tls, output, error);
        return client.Drive(tlsFromStart, stdin);
    }

    /// <summary>The handshake is held to the same time limit as connecting.</summary>
    private static TlsLayerOptions Layer(StreamSettings settings) => new() { HandshakeTimeoutSeconds = settings.TimeoutSeconds };

    /// <summary>
    /// Runs the session; a shutdown that starts before it has ended (Ctrl-C, SIGTERM) makes the outcome
    /// <see cref="ExitCode.Interrupted"/>, however the session then ended: closed in the orderly shutdown,
    /// failed with a pending expectation, or cancelled while connecting.
    /// </summary>
    private async Deferred<ExitCode> Drive(bool tlsFromStart, Func<Stream> stdin)
    {
        var trigger = _reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            _interrupted = true;

            // A registered producer holds the close back: the input is over.
            _stdin?.Stop();
            return null;
        });
        try
        {
            var code = await DriveSession(tlsFromStart, stdin);
            return _interrupted ? ExitCode.Interrupted : code;
        }
        catch (Exception) when (_interrupted)
        {
            return ExitCode.Interrupted;
        }
        finally
        {
            if (!_interrupted)
            {
                // A trigger that has fired is gone already.
                _reactor.RemoveSystemEventTrigger(trigger);
            }
        }
    }

    private async Deferred<ExitCode> DriveSession(bool tlsFromStart, Func<Stream> stdin)
    {
        // A TLS session opens once its handshake has completed; a failed one fails the opening.
        try
        {
            await _opening.WhenOpen();
        }
        catch (Exception exception) when (tlsFromStart && _opening.Transport is ITlsTransport failed)
        {
            throw HandshakeFailed(failed, exception);
        }

        if (tlsFromStart)
        {
            HandshakeCompleted((ITlsTransport)_opening.Transport!);
        }

        if (_settings.Steps.Count > 0)
        {
            try
            {
                await RunSteps();
            }
            catch (Exception exception) when (exception is not CliException && TlsFailureOf(_session) is { } tls)
            {
                // A step failed because TLS ended the connection (an alert, a truncated close): that is the cause to report.
                throw CliErrors.Fail($"TLS {(tls.DuringHandshake ? "handshake" : "session")} with {_target}", new TlsFailureException(tls));
            }
            catch (Exception)
            {
                _session.Close();
                throw;
            }

            InputEnded();
        }
        else
        {
            Action? startTls = _tls is not null && !tlsFromStart ? StartTlsFromStdin : null;
            _stdin = StdinPump.Start(_reactor, _session, stdin(), _settings.Mode, _settings.LineEnding, InputEnded, startTls);
        }

        var reason = await _session.WhenClosed;
        return reason switch
        {
            ConnectionDoneException => ExitCode.Success,
            TlsFailureException { Failure.DuringHandshake: true } tls => throw CliErrors.Fail($"TLS handshake with {_target}", tls),
            TlsFailureException tls => throw CliErrors.Fail($"TLS session with {_target}", tls),

            // Connect failures name the step themselves; a connection lost later says which session.
            var failure => throw CliErrors.Fail($"{_opening.Kind} {_opening.Target}", failure),
        };
    }

    /// <summary>Why TLS ended the session's connection, if it did (over <c>netscope tls</c> or after STARTTLS).</summary>
    private static TlsFailure? TlsFailureOf(StreamSession session) => session.Transport switch
    {
        ITlsTransport tls => tls.Failure,
        ITlsUpgradable upgradable => upgradable.Tls?.Failure,
        _ => null,
    };

    /// <summary>Runs the script, upgrading to TLS at each <see cref="StartTlsStep"/>.</summary>
    private async Deferred RunSteps()
    {
        var segment = new List<ScriptStep>();
        foreach (var step in _settings.Steps)
        {
            if (step is not StartTlsStep startTls)
            {
                segment.Add(step);
                continue;
            }

            await ScriptRunner.Run(_session, [.. segment], _reactor);
            segment.Clear();
            await _session.Expect(startTls.Pattern, startTls.TimeoutSeconds, startTls.ThroughLineEnd, startTls.Describe());

            // What came after the server's answer was sent before TLS protected anything: a step that
            // runs over TLS must never match it (the STARTTLS injection of CVE-2011-0411).
            var discarded = _session.DiscardUnmatched();
            if (discarded > 0)
            {
                _error.WriteLine($"{CliErrors.Prefix}starttls: discarded {discarded} plaintext bytes received after the STARTTLS answer");
            }

            await StartTls();
        }

        await ScriptRunner.Run(_session, segment, _reactor);
    }

    /// <summary>Upgrades the plaintext connection in place and waits for (and reports) the handshake.</summary>
    private Deferred StartTls()
    {
        if (_session.Transport is not ITlsUpgradable upgradable || upgradable.Tls is not null)
        {
            throw CliErrors.Usage("--starttls-after: the connection is already using TLS (give it once)");
        }

        _session.AddNote("starting TLS");
        ITlsTransport transport;

        // In the session's scope, so that the new TLS transport is attributed to it.
        using (ObservationScope.Enter(_opening))
        {
            transport = upgradable.StartTls(_tls!.CreateClientOptions(_target), Layer(_settings));
        }

        return ReportHandshake(transport);
    }

    /// <summary>The <c>/starttls</c> line typed in interactive mode (on the reactor thread).</summary>
    private void StartTlsFromStdin()
    {
        if (!_session.Connected || _session.Transport is not ITlsUpgradable { Tls: null })
        {
            _error.WriteLine($"{CliErrors.Prefix}{StdinPump.StartTlsCommand}: the session is not a plaintext connection");
            return;
        }

        // A failed handshake closes the session, and Drive reports it from there: nothing to do with it here.
        StartTls().AddErrback(_ => null);
    }

    /// <summary>Waits for a STARTTLS handshake, then reports it (see <see cref="HandshakeCompleted"/> and <see cref="HandshakeFailed"/>).</summary>
    private async Deferred ReportHandshake(ITlsTransport transport)
    {
        try
        {
            await transport.NotifyHandshakeCompleted();
        }
        catch (Exception exception)
        {
            throw HandshakeFailed(transport, exception);
        }

        HandshakeCompleted(transport);
    }

    /// <summary>Prints the summary (or the JSON report) before any data is shown.</summary>
    private void HandshakeCompleted(ITlsTransport transport)
    {
        var tls = _tls!;
        var target = _target.ToString();
        var status = transport.GetStatus();
        if (tls.Json)
        {
            _output.WriteLine(TlsReport.ToJson(target, status, tls.ShowCertificates));
            _output.Flush();
            return;
        }

        TlsReport.WriteSummary(_error, target, status);
        if (tls.ShowCertificates)
        {
            TlsReport.WriteCertificates(_error, status.PeerCertificates, status.Verification.VerifiedPath);
        }
    }

    /// <summary>Prints what is known of a failed handshake (the chain, the JSON report) and returns the failure with its TLS exit code.</summary>
    private CliException HandshakeFailed(ITlsTransport transport, Exception exception)
    {
        var tls = _tls!;
        var target = _target.ToString();
        var failure = CliErrors.Fail($"TLS handshake with {target}", exception);
        var status = transport.GetStatus();
        if (tls.Json)
        {
            _output.WriteLine(TlsReport.ToJson(target, status, tls.ShowCertificates, failure));
            _output.Flush();
        }
        else if (tls.ShowCertificates && status.PeerCertificates.Count > 0)
        {
            TlsReport.WriteCertificates(_error, status.PeerCertificates, status.Verification.VerifiedPath);
        }

        return failure;
    }

    private void InputEnded()
    {
        if (!_session.Connected)
        {
            return;
        }

        if (_settings.HalfClose)
        {
            // The peer has seen our FIN and decides when the conversation ends (a server that
            // answers once the request is complete may take its time): read until it closes.
            _session.HalfClose();
            return;
        }

        if (_session.PeerFinished)
        {
            // Both sides are done: nothing more can arrive, so there is nothing to linger for.
            _session.Close();
            return;
        }

        _session.AddListener(new LingerWatch(_reactor, _session, _settings.LingerSeconds));
    }

    /// <summary>Closes the session once the peer has been quiet for the linger time, or at once when it finishes sending.</summary>
    private sealed class LingerWatch : IStreamSessionListener
    {
        private readonly IDelayedCall _timer;
        private readonly double _seconds;

        public LingerWatch(IReactorTime clock, StreamSession session, double seconds)
        {
            _seconds = seconds;
            _timer = clock.CallLater(seconds, session.Close);
        }

        public void Connected(StreamSession session)
        {
        }

        public void Data(StreamSession session, Sessions.Transcripts.Direction direction, ReadOnlySpan<byte> data)
        {
            if (_timer.Active() && direction == Sessions.Transcripts.Direction.Received)
            {
                _timer.Reset(_seconds);
            }
        }

        public void Line(StreamSession session, ReadOnlySpan<byte> line, bool complete)
        {
        }

        public void Note(StreamSession session, string text)
        {
            // The note that a half-close from the peer adds: the conversation is over.
            if (session.PeerFinished && _timer.Active())
            {
                _timer.Cancel();
                session.Close();
            }
        }

        public void Closed(StreamSession session, Failure reason)
        {
            if (_timer.Active())
            {
                _timer.Cancel();
            }
        }
    }
}
