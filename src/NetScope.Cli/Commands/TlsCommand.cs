using System.CommandLine;
using NetScope.Cli.Observation;
using NetScope.Cli.Streams;
using NetScope.Cli.Tls;

namespace NetScope.Cli.Commands;

/// <summary>
/// <c>netscope tls HOST:PORT</c>: a TLS session that explains itself. It prints what the handshake
/// negotiated and what verification found (or why it failed, with its own exit code), then works like
/// <c>netscope tcp</c> over the encrypted connection.
/// </summary>
internal static class TlsCommand
{
    /// <summary>Creates the <c>tls</c> command.</summary>
    public static Command Create()
    {
        var target = new Argument<string>("target") { Description = "HOST:PORT to connect to ([IPV6]:PORT for IPv6)" };
        var stream = new StreamOptions();
        var tls = new TlsOptions();
        var command = new Command("tls", "Open a TLS session: a handshake summary on stderr, then stdin lines out and received lines on stdout, or a scripted exchange") { target };
        stream.AddTo(command);
        tls.AddTo(command);
        var observation = ObservationOptions.AddTo(command, timing: true);
        command.SetAction(result =>
        {
            var address = TcpCommand.ParseTarget(result.GetValue(target)!);
            var settings = stream.Read(result);
            var tlsSettings = tls.Read(result, result.InvocationConfiguration.Error);
            var output = new ByteOutput(result.InvocationConfiguration.Output);
            return ObservedRun.Run(
                observation.Read(result),
                result.InvocationConfiguration.Error,
                (workspace, error) => StreamClient.Run(workspace, address, settings, tlsSettings, tlsFromStart: true, output, error, Console.OpenStandardInput),
                interruptIsSuccess: false);
        });
        return command;
    }
}
