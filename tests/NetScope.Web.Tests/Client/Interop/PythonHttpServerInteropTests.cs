using System.Globalization;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Web.Client;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>NetScope's client against <c>python3 -m http.server</c>: an HTTP/1.0 server that closes after each answer.</summary>
[Trait("Category", "Interop")]
public sealed class PythonHttpServerInteropTests : IDisposable
{
    private static readonly byte[] Big = Enumerable.Range(0, 8_000_000).Select(i => (byte)(i ^ (i >> 8))).ToArray();

    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("netscope-pyhttp-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public async Task FilesArriveIntactOverConnectionsThatAreNotKept()
    {
        var (port, peer) = await StartAsync();
        using (peer)
        {
            using var client = new ClientReactor();

            var (small, big, reused, idle) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), port));

            Assert.Equal("Hello, Python!\n", small);
            Assert.Equal((HashingConsumer.Sha256(Big), (long)Big.Length), big);
            Assert.Equal((false, 0), (reused, idle));
        }

        static async Deferred<(string, (string, long), bool, int)> Fetch(HttpAgent agent, int port)
        {
            var first = await agent.Request("GET", Url(port, "/hello.txt"));
            var small = Encoding.ASCII.GetString(await first.ReadBody());
            var second = await agent.Request("GET", Url(port, "/big.bin"));
            var big = await HashingConsumer.Read(second);
            return (small, big, second.Timings.ConnectionReused, agent.Pool.IdleConnectionCount);
        }
    }

    [Fact]
    public async Task HeadAndADirectoryRedirectBehave()
    {
        var (port, peer) = await StartAsync();
        using (peer)
        {
            using var client = new ClientReactor();

            var (headLength, headBody, chain, index) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), port));

            Assert.Equal((Big.Length.ToString(CultureInfo.InvariantCulture), 0), (headLength, headBody));
            Assert.Equal("301 /sub -> 200 /sub/", chain);
            Assert.Equal("<p>index</p>\n", index);
        }

        static async Deferred<(string?, int, string, string)> Fetch(HttpAgent agent, int port)
        {
            var head = await agent.Request("HEAD", Url(port, "/big.bin"));
            var headBody = await head.ReadBody();
            var response = await new RedirectAgent(agent).Request("GET", Url(port, "/sub"));
            var index = Encoding.ASCII.GetString(await response.ReadBody());
            return (head.Headers.Get("Content-Length"), headBody.Length, $"{response.PreviousResponse!.StatusCode} /sub -> {response.StatusCode} {response.Url.Path}", index);
        }
    }

    private static string Url(int port, string path) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}{path}");

    private async Task<(int Port, PeerProcess Peer)> StartAsync()
    {
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "hello.txt"), "Hello, Python!\n");
        await File.WriteAllBytesAsync(Path.Combine(_directory.FullName, "big.bin"), Big);
        Directory.CreateDirectory(Path.Combine(_directory.FullName, "sub"));
        await File.WriteAllTextAsync(Path.Combine(_directory.FullName, "sub", "index.html"), "<p>index</p>\n");
        // Port 0: the server binds a port the kernel picks and names it ("Serving HTTP on 127.0.0.1 port N ..."),
        // so no other process can take it between choosing and binding.
        var peer = await PeerProcess.StartAsync(
            "/usr/bin/python3",
            ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", _directory.FullName],
            "Serving HTTP");
        var port = System.Text.RegularExpressions.Regex.Match(peer.ReadyLine, @" port (\d+)");
        Assert.True(port.Success, $"no port in: {peer.ReadyLine}");
        return (int.Parse(port.Groups[1].Value, CultureInfo.InvariantCulture), peer);
    }
}
