using NetScope.Core.Logging;
using NetScope.Core.Reactor;
using NetScope.Sessions.Workspaces;
using NetScope.Tui.Model;
using NetScope.Tui.Theme;
using NetScope.Tui.Views;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drivers;
using Terminal.Gui.ViewBase;

namespace NetScope.Tui.App;

/// <summary>
/// The terminal UI: <c>netscope</c>, <c>netscope --demo</c> and <c>netscope tui</c>. The reactor
/// runs on a thread of its own with the workspace; a feed thread turns its events and snapshots
/// into frames; the UI thread only draws them at a fixed rate and sends commands. Quitting stops
/// the listeners and closes the sessions in order; the terminal is restored whatever happens.
/// </summary>
public static class TuiApp
{
    /// <summary>The UI loop's rate: the most a key waits before it is read is one period (1/60 s).</summary>
    public const int LoopIterationsPerSecond = 60;

    private const int MinPoolThreads = 8;

    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(3);

    /// <summary>Checks <paramref name="options"/> without starting anything: <see langword="null"/>, or a one-line usage error.</summary>
    public static string? Validate(TuiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StartupPlan.TryParse(options.Open, options.Listen, new KindCatalog(TimeProvider.System), out _, out var error) ? null : error;
    }

    /// <summary>
    /// Runs the UI on this terminal until the user quits. Returns 0 after a normal quit, 2 for
    /// bad options, 1 when the UI failed (the terminal restored first, then the error written to
    /// <paramref name="error"/> in one line, or with its stack trace when <paramref name="debug"/>),
    /// and 128 + the signal's number after SIGHUP, SIGINT or SIGTERM (129, 130, 143), which end
    /// the UI as Ctrl+Q does. An exception on another thread restores the terminal, writes the
    /// same line and ends the process with 1.
    /// </summary>
    /// <param name="options">What to start with.</param>
    /// <param name="error">Where a failure is reported.</param>
    /// <param name="debug">Report failures with their stack traces.</param>
    /// <param name="observe">
    /// Called on the reactor thread once the workspace exists (a <c>--trace</c> sink attaches there);
    /// what it returns is disposed after the shutdown, so the stop of everything is observed too.
    /// </param>
    public static int Run(TuiOptions options, TextWriter error, bool debug = false, Func<Workspace, IDisposable>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(error);
        var time = TimeProvider.System;
        var catalog = new KindCatalog(time);
        if (!StartupPlan.TryParse(options.Open, options.Listen, catalog, out var plan, out var problem))
        {
            error.WriteLine("netscope: " + problem);
            return 2;
        }

        // Terminal.Gui's input and UI loops wait with Task.Delay, whose completions run on the thread
        // pool: a pool kept busy by the feed must not hold a keystroke back.
        ThreadPool.GetMinThreads(out var workers, out var completions);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), completions);
        using var signals = new SignalShutdown();
        var log = new LogModel(time);
        var previousLogging = NetScopeLogging.Factory;
        NetScopeLogging.Factory = new LogModelLoggerProvider(log);
        var host = ReactorHost.StartAsync(Reactors.Create(ReactorOptionsForUi())).GetAwaiter().GetResult();
        var observer = observe is null ? null : host.Workspace.InvokeAsync(() => observe(host.Workspace)).GetAwaiter().GetResult();
        var feed = new WorkspaceFeed(host.Workspace, time, log);
        Exception? failure;
        try
        {
            feed.StartAsync().GetAwaiter().GetResult();
            var commands = new WorkspaceCommands(host.Workspace, log);
            failure = RunUi(options, TuiStyle.FromEnvironment(), feed, commands, catalog, plan, log, time, signals, crash => Environment.Exit(Report(error, crash, debug)));
        }
        finally
        {
            feed.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Shutdown(host, time);
            observer?.Dispose();
            NetScopeLogging.Factory = previousLogging;
            signals.Finished();
        }

        return failure is not null ? Report(error, failure, debug) : signals.ExitCode ?? 0;
    }

    /// <summary>Writes <paramref name="failure"/> in one line (with the stack trace when <paramref name="debug"/>); returns the exit code, 1.</summary>
    internal static int Report(TextWriter error, Exception failure, bool debug)
    {
        error.WriteLine($"netscope: the terminal UI failed: {failure.GetType().Name}: {OneLine(failure.Message)}" + (debug ? string.Empty : " (NETSCOPE_DEBUG=1 shows the stack trace)"));
        if (debug)
        {
            error.WriteLine(failure);
        }

        error.Flush();
        return 1;
    }

    /// <summary>
    /// Runs the loop; returns the failure that ended it, if any. The application is disposed and
    /// the terminal's modes reset before it returns, however the loop ended.
    /// </summary>
    private static Exception? RunUi(TuiOptions options, TuiStyle style, WorkspaceFeed feed, WorkspaceCommands commands, KindCatalog catalog, StartupPlan plan, LogModel log, TimeProvider time, SignalShutdown signals, Action<Exception> onCrash)
    {
        var app = Application.Create();
        using var guard = new TerminalGuard(
            () =>
            {
                app.Dispose();
                TerminalGuard.WriteReset();
            },
            onCrash);
        var policy = new UiErrorPolicy(time, log);
        try
        {
            // A 16-colour theme: use the terminal's own palette for it, not fixed RGB values.
            Driver.Force16Colors = true;

            // The loop sleeps between iterations for 1/this of a second whatever arrives: keys must
            // not wait long. Views are redrawn only when they changed, so idle iterations cost little.
            Application.MaximumIterationsPerSecond = LoopIterationsPerSecond;
            app.Init(options.Driver);
            InstallProcessWide(style);
            using var window = new MainWindow(style, feed, commands, catalog);
            window.InstallGlobalKeys(app);
            window.Apply(feed.Latest);
            var meter = new UiMeter(time);
            app.Iteration += (_, _) => meter.Iteration();
            app.AddTimeout(feed.Options.FrameInterval, () =>
            {
                meter.Measure(() => window.Apply(feed.Latest));
                window.UiStats = meter.Summary;
                return true;
            });
            Start(app, window, options, plan, commands, catalog, log);
            FaultInjection.Install(options.Fault, app, window);
            signals.Arm(() => app.Invoke(window.QuitNow), guard.Restore);
            app.Run(window, policy.Handle);
            return policy.Fatal ?? guard.Failure;
        }
        catch (Exception exception)
        {
            return exception;
        }
        finally
        {
            signals.Disarm();
            guard.Restore();
        }
    }

    /// <summary>Starts what the command line asked for (and the demo) without holding up the first frame.</summary>
    private static void Start(IApplication app, MainWindow window, TuiOptions options, StartupPlan plan, WorkspaceCommands commands, KindCatalog catalog, LogModel log)
    {
        if (!options.Demo && plan.Listens.Count == 0 && plan.Opens.Count == 0)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var select = await StartupRunner.RunAsync(plan, commands, catalog).ConfigureAwait(false);
                if (options.Demo)
                {
                    select = await DemoWorkspace.StartAsync(new DemoContext(commands, catalog)).ConfigureAwait(false) ?? select;
                }

                if (select is { } id)
                {
                    app.Invoke(() => window.SelectWhenShown(id));
                }
            }
            catch (Exception exception) when (exception is NotInitializedException or ObjectDisposedException)
            {
                // The UI has gone before the start finished.
            }
            catch (Exception exception)
            {
                log.Add(LogSeverity.Error, $"starting: {WorkspaceCommands.Reason(exception)}");
            }
        });
    }

    /// <summary>Process-wide settings Terminal.Gui reads: the schemes message boxes use, and no shadows without colour (a shadow is a colour).</summary>
    private static void InstallProcessWide(TuiStyle style)
    {
        foreach (var name in SchemeManager.GetSchemeNames())
        {
            SchemeManager.AddScheme(name, name switch
            {
                "Menu" => style.Bar,
                "Dialog" or "Error" => style.Dialog,
                _ => style.Main,
            });
        }

        if (style.NoColor)
        {
            DialogSettings.Current = DialogSettings.Current with { DefaultShadow = ShadowStyles.None };
            ButtonSettings.Current = ButtonSettings.Current with { DefaultShadow = ShadowStyles.None };
            WindowSettings.Current = WindowSettings.Current with { DefaultShadow = ShadowStyles.None };
        }
    }

    /// <summary>Stops listeners, closes sessions (bounded), then stops the reactor.</summary>
    private static void Shutdown(ReactorHost host, TimeProvider time)
    {
        try
        {
            ShutdownSequence.RunAsync(host.Workspace, time, ShutdownGrace).Wait(ShutdownGrace + TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // The reactor did not answer in time; stopping it closes what is left.
        }

        host.Stop(TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// The reactor's settings under the UI: reads of 32 KiB, so that what a session makes of each
    /// chunk (a stream session's text window copies it as a string, twice its size) stays off the
    /// large object heap, whose collections stop every thread, the UI's too.
    /// </summary>
    internal static ReactorOptions ReactorOptionsForUi() => new() { ReadBufferSize = 32 * 1024 };

    private static string OneLine(string message) => string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
