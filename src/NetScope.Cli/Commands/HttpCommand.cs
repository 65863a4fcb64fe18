using System.CommandLine;
using NetScope.Cli.Http;
using NetScope.Cli.Observation;
using NetScope.Cli.Streams;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope http [METHOD] URL</c>: one HTTP request like curl or HTTPie, run on the reactor as a session of the
/// model, so <c>--timing</c>, <c>--trace</c> and <c>--chains</c> show its phases, transport and Deferreds.
/// </summary>
internal static class HttpCommand
{
    /// <summary>Creates the <c>http</c> command.</summary>
    public static Command Create() => Create(Console.OpenStandardInput);

    /// <summary>Creates the <c>http</c> command reading <c>-d @-</c> from <paramref name="stdin"/>.</summary>
    /// <param name="stdin">Opens the input a body is read from: the console's, or a test's stream.</param>
    public static Command Create(Func<Stream> stdin)
    {
        var options = new HttpOptions();
        var command = new Command("http", "Send an HTTP request and write the response body (curl-style options)");
        options.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: true);
        // Asynchronous only to receive the invocation's token (how an in-process caller interrupts it, as Ctrl-C
        // does); the reactor runs on the calling thread all the same.
        command.SetAction((result, cancellation) =>
        {
            var settings = options.Read(result, stdin);
            var stdout = new ByteOutput(result.InvocationConfiguration.Output);
            var processStdout = ReferenceEquals(result.InvocationConfiguration.Output, Console.Out);
            return Task.FromResult(ObservedRun.Run(
                observation.Read(result),
                result.InvocationConfiguration.Error,
                (workspace, error) => HttpClientRun.Run(workspace, settings, stdout, processStdout, error),
                interruptIsSuccess: false,
                cancellation));
        });
        return command;
    }
}
