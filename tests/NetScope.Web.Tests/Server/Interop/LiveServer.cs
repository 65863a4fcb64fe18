using System.Collections.Concurrent;
using System.Net;
using NetScope.Core.Reactor;
using NetScope.Web.Server;

namespace NetScope.Web.Tests.Server.Interop;

/// <summary>A site on a real reactor, running on its own thread, listening on a free loopback port.</summary>
internal sealed class LiveServer : IDisposable
{
    private readonly IReactor _reactor;
    private readonly Thread _thread;

    private LiveServer(IReactor reactor, Thread thread, int port)
    {
        _reactor = reactor;
        _thread = thread;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<HttpAccessLogEntry> Log { get; } = new();

    public static async Task<LiveServer> StartAsync(Func<IReactor, Site> build)
    {
        var reactor = Reactors.Create();
        var ready = new TaskCompletionSource<(int Port, Site Site)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            reactor.CallWhenRunning(() =>
            {
                try
                {
                    var site = build(reactor);
                    var port = reactor.ListenTcp(0, site, bindAddress: "127.0.0.1");
                    ready.SetResult((((IPEndPoint)port.GetHost()).Port, site));
                }
                catch (Exception exception)
                {
                    ready.SetException(exception);
                    reactor.Stop();
                }
            });
            reactor.Run();
        })
        {
            IsBackground = true,
            Name = "live-server-reactor",
        };
        thread.Start();
        var (port, site) = await ready.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var server = new LiveServer(reactor, thread, port);
        site.RequestLogged += (_, entry) => server.Log.Enqueue(entry);
        return server;
    }

    public void Dispose()
    {
        _reactor.CallFromThread(() =>
        {
            if (_reactor.Running)
            {
                _reactor.Stop();
            }
        });
        Assert.True(_thread.Join(TimeSpan.FromSeconds(15)), "the reactor did not stop");
    }
}
