using System.CommandLine;
using NetScope.Cli.Observation;
using NetScope.Cli.Streams;
using NetScope.Cli.Tls;
using NetScope.Sessions.Targets;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope tcp HOST:PORT</c>: an interactive TCP session like netcat, but line-aware, with
/// scripted steps (<c>--send</c>, <c>--send-file</c>, <c>--expect</c>) run in command-line order, and
/// STARTTLS (<c>--starttls-after</c>, or <c>/starttls</c> typed in line mode) with the TLS options of
/// <c>netscope tls</c>.
/// </summary>
internal static class TcpCommand
{
    /// <summary>Creates the <c>tcp</c> command, reading the process's standard input.</summary>
    public static Command Create() => Create(Console.OpenStandardInput);

    /// <summary>Creates the <c>tcp</c> command reading <paramref name="stdin"/> (opened only when no step is scripted).</summary>
    /// <param name="stdin">Opens the input that drives an unscripted session: the console's, or a test's pipe.</param>
    public static Command Create(Func<Stream> stdin)
    {
        var target = new Argument<string>("target") { Description = "HOST:PORT to connect to ([IPV6]:PORT for IPv6)" };
        var options = new StreamOptions(startTls: true);
        var tls = new TlsOptions();
        var command = new Command("tcp", "Open a TCP session: stdin lines out, received lines on stdout, or a scripted exchange; STARTTLS on request") { target };
        options.AddTo(command);
        tls.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: true);
        command.SetAction(result =>
        {
            var address = ParseTarget(result.GetValue(target)!);
            var settings = options.Read(result);
            var tlsSettings = tls.Read(result, result.InvocationConfiguration.Error);
            var output = new ByteOutput(result.InvocationConfiguration.Output);
            return ObservedRun.Run(
                observation.Read(result),
                result.InvocationConfiguration.Error,
                (workspace, error) => StreamClient.Run(workspace, address, settings, tlsSettings, tlsFromStart: false, output, error, stdin),
                interruptIsSuccess: false);
        });
        return command;
    }

    /// <summary>Parses HOST:PORT, failing as a usage error with the reason.</summary>
    public static HostPort ParseTarget(string text) =>
        HostPort.TryParse(text, out var parsed, out var error) ? parsed : throw CliErrors.Usage(error);
}
