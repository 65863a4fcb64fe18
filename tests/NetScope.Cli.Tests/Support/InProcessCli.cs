using System.CommandLine;
using NetScope.Cli.Commands;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// netscope run in-process on a thread of its own (the reactor runs on the calling thread, as in
/// the real process), with stdout and stderr readable while it runs and the invocation's
/// cancellation standing in for Ctrl-C.
/// </summary>
internal sealed class InProcessCli : IAsyncDisposable
{
    private readonly CancellationTokenSource _interrupt = new();
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LiveWriter _stdout = new("stdout");
    private readonly LiveWriter _stderr = new("stderr");

    private InProcessCli(IEnumerable<Func<Command>> verbs, IReadOnlyList<string> args)
    {
        var root = RootCommandFactory.Create(verbs);
        var thread = new Thread(() =>
        {
            try
            {
                _exit.SetResult(CliRunner.RunAsync(root, args, _stdout, _stderr, debug: false, _interrupt.Token).GetAwaiter().GetResult());
            }
            catch (Exception exception)
            {
                _exit.SetException(exception);
            }
            finally
            {
                Stdout.End();
                Stderr.End();
            }
        })
        {
            IsBackground = true,
            Name = $"netscope {string.Join(' ', args)}",
        };
        thread.Start();
    }

    public LiveOutput Stdout => _stdout.Output;

    public LiveOutput Stderr => _stderr.Output;

    /// <summary>The exit code, once the command has returned.</summary>
    public Task<int> Exit => _exit.Task;

    /// <summary>Starts netscope with its real verbs.</summary>
    public static InProcessCli Start(params string[] args) => new(Program.Verbs, args);

    /// <summary>Starts a netscope root with the given verbs (a <c>tcp</c> reading a test's stdin, say).</summary>
    public static InProcessCli Start(IEnumerable<Func<Command>> verbs, params string[] args) => new(verbs, args);

    /// <summary>Waits (bounded) for the command to end by itself and returns its outcome.</summary>
    public async Task<CliRun> FinishedAsync()
    {
        var code = await Exit.WaitAsync(LiveOutput.Bound);
        return new CliRun(code, Stdout.Text, Stderr.Text);
    }

    /// <summary>Interrupts the command as Ctrl-C would, and returns its outcome once it has stopped.</summary>
    public async Task<CliRun> InterruptAsync()
    {
        await _interrupt.CancelAsync();
        return await FinishedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!Exit.IsCompleted)
        {
            // The test has failed already if it gets here: clean up without hiding its failure.
            await _interrupt.CancelAsync();
            await ((Task)Exit).WaitAsync(LiveOutput.Bound).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _interrupt.Dispose();
    }
}
