using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Scripting;
using NetScope.Sessions.Streams;
using NetScope.Sessions.Targets;
using NetScope.Sessions.Workspaces;

namespace NetScope.Cli.Streams;

/// <summary>
/// The body of <c>netscope tcp</c>: connect, then let the script (or stdin) drive the session;
/// when the input ends, either half-close and read until the peer closes, or keep reading until
/// the peer is quiet for the linger time or closes; and turn how it ended into the exit code.
/// </summary>
internal static class StreamClient
{
    /// <summary>Runs one session to its end; the Deferred fires with an <see cref="ExitCode"/> or fails with the reason.</summary>
    public static Deferred Run(Workspace workspace, HostPort target, StreamSettings settings, ByteOutput output, TextWriter error, Func<Stream> stdin)
    {
        var session = workspace.OpenTcp(new TcpSessionRequest(target)
        {
            Mode = settings.Mode,
            LineEnding = settings.LineEnding,
            TimeoutSeconds = settings.TimeoutSeconds,
        });
        session.Stream!.AddListener(new StreamOutput(output, error, settings.Hex, settings.Verbose, target.ToString()));
        return Drive(workspace.Reactor, session, settings, stdin);
    }

    private static async Deferred<ExitCode> Drive(IReactor reactor, Session opening, StreamSettings settings, Func<Stream> stdin)
    {
        await opening.WhenOpen();
        var session = opening.Stream!;
        if (settings.Steps.Count > 0)
        {
            try
            {
                await ScriptRunner.Run(session, settings.Steps, reactor);
            }
            catch (Exception)
            {
                session.Close();
                throw;
            }

            InputEnded(reactor, session, settings);
        }
        else
        {
            StdinPump.Start(reactor, session, stdin(), settings.Mode, settings.LineEnding, () => InputEnded(reactor, session, settings));
        }

        var reason = await session.WhenClosed;
        return reason switch
        {
            ConnectionDoneException => ExitCode.Success,
            // Connect failures name the step themselves; a connection lost later says which session.
            var failure => throw CliErrors.Fail($"{opening.Kind} {opening.Target}", failure),
        };
    }

    private static void InputEnded(IReactor reactor, StreamSession session, StreamSettings settings)
    {
        if (!session.Connected)
        {
            return;
        }

        if (settings.HalfClose)
        {
            // The peer has seen our FIN and decides when the conversation ends (a server that
            // answers once the request is complete may take its time): read until it closes.
            session.HalfClose();
            return;
        }

        session.AddListener(new LingerWatch(reactor, session, settings.LingerSeconds));
    }

    /// <summary>Closes the session once the peer has been quiet for the linger time.</summary>
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
