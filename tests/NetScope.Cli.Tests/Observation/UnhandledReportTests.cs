using System.CommandLine;
using Microsoft.Extensions.Logging;
using NetScope.Cli.Hosting;
using NetScope.Cli.Observation;
using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Sessions.Kinds;

namespace NetScope.Cli.Tests.Observation;

/// <summary>Failures nothing handled are reported on stderr at exit, and the engine's log is one line per record.</summary>
public sealed class UnhandledReportTests
{
    [Fact]
    public async Task AnUnhandledFailureLeftAtExitIsOneStderrLine()
    {
        var run = await CliRun.WithVerbsAsync([LeakyVerb], debug: false, CancellationToken.None, "leak");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["netscope: Unhandled error in Deferred #1 (leaky) of #1 tcp 127.0.0.1:0: InvalidOperationException: boom"], run.StderrLines);
    }

    [Fact]
    public void ALogRecordIsOneLineWithLevelMessageExceptionAndCategory()
    {
        Assert.Equal(
            "netscope: error: unhandled error in Deferred: IOException: disk gone [Reactor]",
            StderrLoggerFactory.Format(LogLevel.Error, "NetScope.Core.Reactor", "Unhandled error in Deferred\n", new IOException("Disk gone.")));
    }

    [Fact]
    public void TheStderrLoggerWritesWarningsAndSkipsDebugUnlessAskedFor()
    {
        using var quiet = new StringWriter { NewLine = "\n" };
        using var loud = new StringWriter { NewLine = "\n" };

        foreach (var (writer, debug) in new[] { (quiet, false), (loud, true) })
        {
            var logger = StderrLoggerFactory.For(writer, debug).CreateLogger("NetScope.Tests");
            logger.LogDebug("detail");
            logger.LogWarning("careful");
        }

        Assert.Equal("netscope: warning: careful [Tests]\n", quiet.ToString());
        Assert.Equal("netscope: debug: detail [Tests]\nnetscope: warning: careful [Tests]\n", loud.ToString());
    }

    [Fact]
    public async Task TheProcessRunLogsToStderrOnlyWhileItRuns()
    {
        var before = NetScopeLogging.Factory;
        using var output = new StringWriter();
        using var error = new StringWriter { NewLine = "\n" };
        var root = Commands.RootCommandFactory.Create([LoggingVerb]);

        var code = await CliRunner.RunAsync(root, ["log"], output, error, debug: false, logToError: true);

        Assert.Equal(0, code);
        Assert.Contains("netscope: warning: from the engine [Test]", error.ToString().Split('\n'));
        Assert.Same(before, NetScopeLogging.Factory);
    }

    private static Command LeakyVerb()
    {
        var command = new Command("leak", "leaves a failed Deferred behind");
        command.SetAction(result => ObservedRun.Run(
            new ObservationSettings(null, Chains: false, Timing: false),
            result.InvocationConfiguration.Error,
            (workspace, _) =>
            {
                var listener = workspace.ListenTcp(new TcpListenerRequest(0));
                listener.RunInScope(() => new Deferred().WithLabel("leaky").Errback(new InvalidOperationException("boom")));
                return listener.Stop();
            },
            interruptIsSuccess: false));
        return command;
    }

    private static Command LoggingVerb()
    {
        var command = new Command("log", "logs a warning through the engine's logger");
        command.SetAction(_ => NetScopeLogging.CreateLogger("Test").LogWarning("from the engine"));
        return command;
    }
}
