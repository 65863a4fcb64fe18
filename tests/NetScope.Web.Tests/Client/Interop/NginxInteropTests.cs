using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Tls;
using NetScope.Web.Client;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>NetScope's client against nginx on loopback: files of every size, HEAD, gzip over chunked, keep-alive, redirects.</summary>
[Trait("Category", "Interop")]
public sealed class NginxInteropTests
{
    private static readonly byte[] Big = RandomBytes(20_000_000, seed: 1);
    private static readonly string Text = string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}: the quick brown fox\n"));

    [Fact]
    public async Task SmallAndLargeFilesArriveByteForByte()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var (small, big) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor), nginx));

        Assert.Equal("Hello, nginx!\n", small);
        Assert.Equal((HashingConsumer.Sha256(Big), (long)Big.Length), big);

        static async Deferred<(string, (string, long))> Fetch(HttpAgent agent, NginxServer nginx)
        {
            var small = await agent.Request("GET", nginx.Url("/hello.txt"));
            var text = Encoding.ASCII.GetString(await small.ReadBody());
            var big = await agent.Request("GET", nginx.Url("/big.bin"));
            Assert.Equal(Big.Length, big.ContentLength);
            return (text, await HashingConsumer.Read(big));
        }
    }

    [Fact]
    public async Task HeadGivesTheHeadWithoutABody()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var (length, body) = await client.RunAsync(reactor => Head(new HttpAgent(reactor), nginx));

        Assert.Equal(Big.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), length);
        Assert.Empty(body);

        static async Deferred<(string?, byte[])> Head(HttpAgent agent, NginxServer nginx)
        {
            var response = await agent.Request("HEAD", nginx.Url("/big.bin"));
            return (response.Headers.Get("Content-Length"), await response.ReadBody());
        }
    }

    [Fact]
    public async Task SequentialRequestsShareOneKeptAliveConnection()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var log = new ConnectionLog();

        var reused = await client.RunAsync(reactor => FiveTimes(new HttpAgent(reactor), nginx, log));

        Assert.Equal([false, true, true, true, true], reused);
        Assert.Equal(1, log.Distinct);

        static async Deferred<bool[]> FiveTimes(HttpAgent agent, NginxServer nginx, ConnectionLog log)
        {
            var reused = new bool[5];
            for (var i = 0; i < reused.Length; i++)
            {
                var response = await agent.Request("GET", nginx.Url("/hello.txt"), options: log.Options);
                await response.ReadBody();
                reused[i] = response.Timings.ConnectionReused;
            }

            await agent.Pool.CloseCachedConnections();
            return reused;
        }
    }

    [Fact]
    public async Task AGzipBodySentChunkedIsDecodedAsItStreams()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var (encoding, length, body) = await client.RunAsync(reactor => Compressed(new ContentDecoderAgent(new HttpAgent(reactor)), nginx));

        Assert.Equal(("gzip", -1L), (encoding, length));
        Assert.Equal(Text, body);

        static async Deferred<(string?, long, string)> Compressed(IHttpAgent agent, NginxServer nginx)
        {
            var response = await agent.Request("GET", nginx.Url("/text.txt"));
            return (response.Undecoded?.Headers.Get("Content-Encoding"), response.Undecoded!.ContentLength, Encoding.UTF8.GetString(await response.ReadBody()));
        }
    }

    [Fact]
    public async Task RedirectsAreFollowedOnTheSameConnection()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var log = new ConnectionLog();

        var (chain, body) = await client.RunAsync(reactor => Follow(new RedirectAgent(new HttpAgent(reactor)), nginx, log));

        Assert.Equal(["302 /absolute", "301 /old", "200 /hello.txt"], chain);
        Assert.Equal("Hello, nginx!\n", body);
        Assert.Equal(1, log.Distinct);

        static async Deferred<(string[], string)> Follow(IHttpAgent agent, NginxServer nginx, ConnectionLog log)
        {
            var response = await agent.Request("GET", nginx.Url("/absolute"), options: log.Options);
            var chain = new List<string>();
            for (var current = response; current is not null; current = current.PreviousResponse)
            {
                chain.Insert(0, $"{current.StatusCode} {current.Url.Path}");
            }

            return ([.. chain], Encoding.ASCII.GetString(await response.ReadBody()));
        }
    }

    [Fact]
    public async Task ConcurrentRequestsUseTheirOwnConnectionsAndThePoolKeepsTwo()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var log = new ConnectionLog();

        var idle = await client.RunAsync(reactor => ThreeAtOnce(new HttpAgent(reactor), nginx, log));

        Assert.Equal(2, idle);
        Assert.Equal(3, log.Distinct);

        static async Deferred<int> ThreeAtOnce(HttpAgent agent, NginxServer nginx, ConnectionLog log)
        {
            var requests = Enumerable.Range(0, 3).Select(_ => agent.Request("GET", nginx.Url("/hello.txt"), options: log.Options)).ToArray();
            foreach (var request in requests)
            {
                await (await request).ReadBody();
            }

            return agent.Pool.IdleConnectionCount;
        }
    }

    [Fact]
    public async Task AMissingFileIsA404WithItsBody()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var (status, body) = await client.RunAsync(reactor => Missing(new HttpAgent(reactor), nginx));

        Assert.Equal(404, status);
        Assert.Contains("404 Not Found", body, StringComparison.Ordinal);

        static async Deferred<(int, string)> Missing(HttpAgent agent, NginxServer nginx)
        {
            var response = await agent.Request("GET", nginx.Url("/nothing-here"));
            return (response.StatusCode, Encoding.ASCII.GetString(await response.ReadBody()));
        }
    }

    [Fact]
    public async Task HttpsDownloadsAreIntactAndKeepTheirConnection()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();
        var trusted = new X509Certificate2Collection(X509CertificateLoader.LoadCertificate(nginx.Certificate.RawData));
        var options = new HttpAgentOptions { Tls = host => new TlsClientOptions { ServerName = host, ApplicationProtocols = ["http/1.1"], TrustedAuthorities = trusted } };

        var log = new ConnectionLog();

        var (big, tlsTimes) = await client.RunAsync(reactor => Fetch(new HttpAgent(reactor, options), nginx, log));

        Assert.Equal((HashingConsumer.Sha256(Big), (long)Big.Length), big);
        Assert.True(tlsTimes[0] is > 0, "the first request has a TLS handshake");
        Assert.Null(tlsTimes[1]);
        Assert.Equal(1, log.Distinct);

        static async Deferred<((string, long), double?[])> Fetch(HttpAgent agent, NginxServer nginx, ConnectionLog log)
        {
            var first = await agent.Request("GET", nginx.TlsUrl("/big.bin"), options: log.Options);
            var big = await HashingConsumer.Read(first);
            var second = await agent.Request("GET", nginx.TlsUrl("/hello.txt"), options: log.Options);
            Assert.Equal("Hello, nginx!\n", Encoding.ASCII.GetString(await second.ReadBody()));
            await agent.Pool.CloseCachedConnections();
            return (big, [first.Timings.Tls, second.Timings.Tls]);
        }
    }

    [Fact]
    public async Task AnUntrustedCertificateFailsTheRequestWithTheTlsVerdict()
    {
        using var nginx = await StartNginx();
        using var client = new ClientReactor();

        var error = await Assert.ThrowsAsync<TlsFailureException>(() => client.RunAsync(reactor => new HttpAgent(reactor).Request("GET", nginx.TlsUrl("/hello.txt"))));

        Assert.Equal(TlsFailureKind.UnknownIssuer, error.Failure.Kind);
    }

    private static Task<NginxServer> StartNginx() => NginxServer.StartAsync(root =>
    {
        File.WriteAllText(Path.Combine(root, "hello.txt"), "Hello, nginx!\n");
        File.WriteAllText(Path.Combine(root, "text.txt"), Text);
        File.WriteAllBytes(Path.Combine(root, "big.bin"), Big);
    });

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
