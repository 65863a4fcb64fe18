using System.Text;
using NetScope.Core.Reactor;
using NetScope.Sessions.Streams;

namespace NetScope.Cli.Streams;

/// <summary>
/// Feeds standard input to a session from a background thread (reading a terminal or pipe
/// blocks, so it never happens on the reactor thread): lines in line mode, chunks in raw mode,
/// each handed to the reactor with <c>CallFromThread</c>.
/// </summary>
internal static class StdinPump
{
    /// <summary>The line that, typed on its own in line mode, upgrades the session to TLS instead of being sent.</summary>
    public const string StartTlsCommand = "/starttls";

    /// <summary>
    /// Starts pumping <paramref name="input"/> into <paramref name="session"/>; <paramref name="ended"/>
    /// runs on the reactor thread at end of input. In line mode, a line that is exactly
    /// <see cref="StartTlsCommand"/> runs <paramref name="startTls"/> on the reactor thread (when given) instead.
    /// </summary>
    public static void Start(IReactor reactor, StreamSession session, Stream input, StreamMode mode, byte[] lineEnding, Action ended, Action? startTls = null)
    {
        var thread = new Thread(() =>
        {
            try
            {
                if (mode == StreamMode.Line)
                {
                    PumpLines(reactor, session, input, lineEnding, startTls);
                }
                else
                {
                    PumpBytes(reactor, session, input);
                }
            }
            catch (IOException)
            {
                // A broken stdin is the end of the input.
            }

            reactor.CallFromThread(ended);
        })
        {
            IsBackground = true,
            Name = "netscope stdin",
        };
        thread.Start();
    }

    private static void PumpLines(IReactor reactor, StreamSession session, Stream input, byte[] lineEnding, Action? startTls)
    {
        using var reader = new StreamReader(input, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: false);
        while (reader.ReadLine() is { } line)
        {
            if (startTls is not null && line == StartTlsCommand)
            {
                reactor.CallFromThread(startTls);
                continue;
            }

            var bytes = new byte[Encoding.UTF8.GetByteCount(line) + lineEnding.Length];
            var count = Encoding.UTF8.GetBytes(line, bytes);
            lineEnding.CopyTo(bytes, count);
            reactor.CallFromThread(() => SendIfOpen(session, bytes));
        }
    }

    private static void PumpBytes(IReactor reactor, StreamSession session, Stream input)
    {
        var buffer = new byte[16 * 1024];
        int count;
        while ((count = input.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, count).ToArray();
            reactor.CallFromThread(() => SendIfOpen(session, chunk));
        }
    }

    private static void SendIfOpen(StreamSession session, byte[] bytes)
    {
        if (session.Connected && !session.SelfFinished)
        {
            session.Send(bytes);
        }
    }
}
