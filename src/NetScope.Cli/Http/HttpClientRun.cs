using NetScope.Cli.Streams;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Reactor;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Client;

namespace NetScope.Cli.Http;

/// <summary>
/// The body of <c>netscope http</c>: sends the request as a session of the workspace (each redirect followed in a
/// session of its own), then streams the body to stdout or the -o file, and turns the outcome into the exit code.
/// </summary>
internal static class HttpClientRun
{
    /// <summary>A body not worth reading after --fail decides the outcome is abandoned with its connection.</summary>
    private const long DiscardLimit = 64 * 1024;

    /// <summary>Runs the exchange; the Deferred fires with an <see cref="ExitCode"/> or fails with the reason.</summary>
    /// <param name="workspace">The workspace the request runs in.</param>
    /// <param name="settings">What to send and how.</param>
    /// <param name="stdout">The verb's stdout.</param>
    /// <param name="processStdout">Whether <paramref name="stdout"/> is the process's own, so a closed pipe can be told apart.</param>
    /// <param name="error">The verb's stderr.</param>
    public static Deferred Run(Workspace workspace, HttpSettings settings, ByteOutput stdout, bool processStdout, TextWriter error) =>
        Drive(workspace, settings, stdout, processStdout, error);

    private static async Deferred<ExitCode> Drive(Workspace workspace, HttpSettings settings, ByteOutput stdout, bool processStdout, TextWriter error)
    {
        var reactor = workspace.Reactor;
        var operation = $"{settings.Method} {settings.Url}";
        IHttpAgent agent = new HttpAgent(reactor, new HttpAgentOptions
        {
            ConnectTimeoutSeconds = settings.ConnectTimeoutSeconds,
            Proxy = settings.Proxy,
            Version = settings.Version,
            Tls = settings.TlsFor,
        });
        if (settings.Compressed)
        {
            agent = new ContentDecoderAgent(agent);
        }

        // Ctrl-C shuts the reactor down, which closes the connection under the request: that is an interruption,
        // not a failure of the server's (a body "cut short" by our own close).
        var stopping = false;
        reactor.AddSystemEventTrigger(SystemEventPhase.Before, SystemEvents.Shutdown, () =>
        {
            stopping = true;
            return null;
        });
        Exception Failure(Exception exception) => stopping ? new OperationCanceledException("interrupted", exception) : Describe(operation, exception);

        var printer = new HeadPrinter(error, settings.Verbose, settings.ShowHeaders);
        var starter = new HttpSessionStarter(new HttpSessionRequest(agent, settings.Method, settings.Url)
        {
            Headers = settings.Headers,
            Body = settings.Body,
            TimeoutSeconds = settings.MaxTimeSeconds,
            FollowRedirects = settings.FollowRedirects,
            MaxRedirects = settings.MaxRedirects,
            Observer = printer,
        });
        HttpResponse response;
        try
        {
            workspace.Open(starter);
            response = await starter.Response;
        }
        catch (ArgumentException exception)
        {
            var message = exception.ParamName is { } name ? exception.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : exception.Message;
            throw CliErrors.Usage(CliErrors.OneLine(message));
        }
        catch (Exception exception) when (exception is not CliException)
        {
            throw Failure(exception);
        }

        if (settings.Fail && response.StatusCode >= 400)
        {
            await response.DiscardBody(DiscardLimit);
            throw new CliException(ExitCode.HttpStatus, $"{operation}: {response.StatusCode} {response.ReasonPhrase}".TrimEnd());
        }

        using var output = settings.OutputPath is { } path ? BodyOutput.ToFile(path)
            : settings.JsonOutput ? null
            : BodyOutput.ToStdout(stdout, processStdout);
        if (settings.ShowHeaders)
        {
            foreach (var head in printer.Heads)
            {
                output!.Write(head);
            }
        }

        var progress = ProgressMeter.CanDraw(error, output?.IsFile ?? false) ? new ProgressMeter(error, reactor, response.ContentLength) : null;
        var sink = new BodySink(output, keepForJson: settings.JsonOutput && output is null, progress);
        response.DeliverBody(sink);
        try
        {
            await sink.Done;
        }
        catch (Exception exception) when (exception is not CliException)
        {
            throw Failure(exception);
        }

        output?.Flush();
        if (settings.JsonOutput)
        {
            HttpJsonReport.Write(stdout, response, sink, settings.OutputPath);
        }

        return ExitCode.Success;
    }

    /// <summary>A connect error already says what it was connecting to; anything else is said about the request.</summary>
    private static Exception Describe(string operation, Exception exception) =>
        exception is ConnectException ? exception : CliErrors.Fail(operation, exception);
}
