using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using NetScope.Core.Reactor;
using NetScope.Web.Server.Listeners;

namespace NetScope.Benchmarks.Http;

/// <summary>
/// Runs a ready-made HTTP listener on the epoll reactor until SIGTERM or SIGINT, for system benchmarks with
/// wrk next to nginx (tests/bench/http-server.sh):
/// <c>dotnet NetScope.Benchmarks.dll http-server PORT fixed</c> answers every request with 'Hello, world!'
/// (as <c>netscope listen http --status 200 --body 'Hello, world!'</c>), and
/// <c>http-server PORT root DIR</c> serves DIR.
/// </summary>
public static class HttpServerHost
{
    public static void Run(string[] args)
    {
        if (args.Length < 2 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            Console.Error.WriteLine("usage: http-server PORT fixed | http-server PORT root DIR");
            Environment.Exit(2);
            return;
        }

        var options = args[1] == "root"
            ? new HttpListenerOptions { Mode = HttpListenerMode.Directory, RootDirectory = args[2] }
            : new HttpListenerOptions { Mode = HttpListenerMode.Status, Body = Encoding.ASCII.GetBytes("Hello, world!") };
        var reactor = Reactors.Create();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        reactor.CallWhenRunning(() =>
        {
            reactor.ListenTcp(port, HttpListeners.CreateSite(options, reactor), 1024, "127.0.0.1");
            Console.WriteLine($"listening on 127.0.0.1:{port} ({reactor.Name})");
        });
        reactor.Run();

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            reactor.CallFromThread(() =>
            {
                if (reactor.Running)
                {
                    reactor.Stop();
                }
            });
        }
    }
}
