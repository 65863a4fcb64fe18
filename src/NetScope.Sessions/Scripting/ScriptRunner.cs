using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Core.Time;
using NetScope.Sessions.Streams;

namespace NetScope.Sessions.Scripting;

/// <summary>Runs the steps of a script against a connected <see cref="StreamSession"/>, one after the other.</summary>
public static class ScriptRunner
{
    /// <summary>
    /// Runs <paramref name="steps"/> in order. The Deferred fires when all have run, or fails
    /// with the first step's error (an <see cref="ExpectationFailedException"/>, a <see cref="SendFileException"/>, ...).
    /// </summary>
    public static Deferred Run(StreamSession session, IReadOnlyList<ScriptStep> steps, IReactor reactor)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(reactor);
        return RunSteps(session, steps, reactor);
    }

    private static async Deferred RunSteps(StreamSession session, IReadOnlyList<ScriptStep> steps, IReactor reactor)
    {
        foreach (var step in steps)
        {
            switch (step)
            {
                case SendStep send:
                    session.Send(send.Data);
                    break;
                case SendFileStep file:
                    // Streamed in chunks as the connection takes them, never read whole into memory.
                    await FileSender.Send(session, reactor, file.Path);
                    break;
                case ExpectStep expect:
                    await session.Expect(expect.Pattern, expect.TimeoutSeconds, expect.ThroughLineEnd, expect.Describe());
                    break;
                case HalfCloseStep:
                    session.HalfClose();
                    break;
                case WaitStep wait:
                    await reactor.DeferLater(wait.Seconds).WithLabel(step.Describe());
                    break;
                default:
                    throw new ArgumentException($"Unknown script step {step}.", nameof(steps));
            }
        }
    }
}
