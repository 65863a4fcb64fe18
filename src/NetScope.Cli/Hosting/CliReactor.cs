using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using NetScope.Core.Defer;
using NetScope.Core.Reactor;

namespace NetScope.Cli.Hosting;

/// <summary>
/// Runs a verb's work on a reactor on the calling thread, as Twisted's <c>react</c> does: the
/// verb returns a Deferred and its outcome becomes the exit code. Ctrl-C and SIGTERM start the
/// reactor's orderly shutdown.
/// </summary>
internal static class CliReactor
{
    /// <summary>
    /// Runs <paramref name="main"/> and returns its result as an exit code (an <see cref="ExitCode"/>
    /// or <see cref="int"/> result, or 0). A failure is rethrown for <see cref="CliErrors"/> to map.
    /// </summary>
    /// <param name="main">The verb's work.</param>
    /// <param name="interruptIsSuccess">
    /// For servers (<c>listen</c>) a signal is the normal way to stop: exit 0. For clients it
    /// means the work did not finish: exit 130.
    /// </param>
    /// <param name="cancellationToken">
    /// Stops the run as Ctrl-C does: the invocation's token, which is how a caller in the same
    /// process (the in-process tests) stops a verb that runs until it is told to.
    /// </param>
    public static int Run(Func<IReactor, Deferred> main, bool interruptIsSuccess, CancellationToken cancellationToken = default)
    {
        var reactor = Reactors.Create();
        var interrupted = 0;
        void OnSignal(PosixSignalContext context)
        {
            // Keep the process alive: the reactor shuts down in order and Run returns.
            context.Cancel = true;
            Interrupt();
        }

        void Interrupt()
        {
            if (Interlocked.Exchange(ref interrupted, 1) == 0)
            {
                reactor.CallFromThread(() =>
                {
                    try
                    {
                        reactor.Stop();
                    }
                    catch (ReactorNotRunningException)
                    {
                        // Already stopping: the shutdown under way will end the run.
                    }
                });
            }
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var cancelled = cancellationToken.Register(Interrupt);
        var outcome = reactor.React(() => main(reactor));
        if (Volatile.Read(ref interrupted) == 1 && outcome is null)
        {
            return interruptIsSuccess ? (int)ExitCode.Success : (int)ExitCode.Interrupted;
        }

        return outcome switch
        {
            Failure failure => Rethrow(failure),
            ExitCode code => (int)code,
            int code => code,
            _ => (int)ExitCode.Success,
        };
    }

    private static int Rethrow(Failure failure)
    {
        ExceptionDispatchInfo.Capture(failure.Value).Throw();
        return (int)ExitCode.Error;
    }
}
