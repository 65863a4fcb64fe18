using System.Globalization;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Web.Client;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>NetScope's client against a Twisted web server (static files, a chunked resource, a redirect, a connection count).</summary>
[Trait("Category", "Interop")]
public sealed class TwistedInteropTests : IDisposable
{
    private const string ServerScript = """
        import sys
        from twisted.internet import reactor
        from twisted.web import server, resource, static, util

        class Chunked(resource.Resource):
            isLeaf = True
            def render_GET(self, request):
                for i in range(5):
                    request.write(b"piece %d;" % i)
                request.finish()
                return server.NOT_DONE_YET

        class CountingSite(server.Site):
            connections = 0
            def buildProtocol(self, addr):
                CountingSite.connections += 1
                return server.Site.buildProtocol(self, addr)

        class Connections(resource.Resource):
            isLeaf = True
            def render_GET(self, request):
                return str(CountingSite.connections).encode()

        root = static.File(sys.argv[1])
        root.putChild(b"chunked", Chunked())
        root.putChild(b"connections", Connections())
        root.putChild(b"redirect", util.Redirect(b"/chunked"))
        port = reactor.listenTCP(0, CountingSite(root), interface="127.0.0.1")
        reactor.callWhenRunning(lambda: print("ready on port", port.getHost().port, flush=True))
        reactor.run()
        """;

    private static readonly byte[] Big = Enumerable.Range(0, 5_000_000).Select(i => (byte)((i * 7) + (i >> 11))).ToArray();

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("netscope-twisted-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task StaticFilesArriveIntactAndHeadHasNoBody()
    {
        var (port, peer) = await StartAsync();
        using (peer)
        {
            using var client = new ClientReactor();

            var (small, big, headLength) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), port));

            Assert.Equal("Hello, Twisted!\n", small);
            Assert.Equal((HashingConsumer.Sha256(Big), (long)Big.Length), big);
            Assert.Equal(0, headLength);
        }

        static async Deferred<(string, (string, long), int)> Fetch(HttpAgent agent, int port)
        {
            var small = Encoding.ASCII.GetString(await (await agent.Request("GET", Url(port, "/hello.txt"))).ReadBody());
            var big = await HashingConsumer.Read(await agent.Request("GET", Url(port, "/big.bin")));
            var head = await (await agent.Request("HEAD", Url(port, "/big.bin"))).ReadBody();
            return (small, big, head.Length);
        }
    }

    [Fact]
    public async Task AChunkedResponseIsReassembled()
    {
        var (port, peer) = await StartAsync();
        using (peer)
        {
            using var client = new ClientReactor();

            var (encoding, length, body) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), port));

            Assert.Equal(("chunked", -1L, "piece 0;piece 1;piece 2;piece 3;piece 4;"), (encoding, length, body));
        }

        static async Deferred<(string?, long, string)> Fetch(HttpAgent agent, int port)
        {
            var response = await agent.Request("GET", Url(port, "/chunked"));
            return (response.Headers.Get("Transfer-Encoding"), response.ContentLength, Encoding.ASCII.GetString(await response.ReadBody()));
        }
    }

    [Fact]
    public async Task KeptAliveRequestsAndARedirectUseOneConnection()
    {
        var (port, peer) = await StartAsync();
        using (peer)
        {
            using var client = new ClientReactor();

            var (redirected, connections) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), port));

            Assert.Equal("302 /redirect -> 200 /chunked", redirected);
            Assert.Equal("1", connections);
        }

        static async Deferred<(string, string)> Fetch(HttpAgent agent, int port)
        {
            for (var i = 0; i < 3; i++)
            {
                await (await agent.Request("GET", Url(port, "/hello.txt"))).ReadBody();
            }

            var response = await new RedirectAgent(agent).Request("GET", Url(port, "/redirect"));
            await response.ReadBody();
            var redirected = $"{response.PreviousResponse!.StatusCode} /redirect -> {response.StatusCode} {response.Url.Path}";
            var count = Encoding.ASCII.GetString(await (await agent.Request("GET", Url(port, "/connections"))).ReadBody());
            return (redirected, count);
        }
    }

    private static string Url(int port, string path) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{path}");

    private async Task<(int Port, PeerProcess Peer)> StartAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "hello.txt"), "Hello, Twisted!\n");
        await File.WriteAllBytesAsync(Path.Combine(_directory.FullName, "big.bin"), Big);
        var script = Path.Combine(_directory.FullName, "server.py");
        await File.WriteAllTextAsync(script, ServerScript);
        // The script binds port 0 and names the port the kernel picked, so nothing can take it first.
        var peer = await PeerProcess.StartAsync("/usr/bin/python3", ["-u", script, _directory.FullName], "ready on port ");
        return (int.Parse(peer.ReadyLine["ready on port ".Length..], CultureInfo.InvariantCulture), peer);
    }
}
