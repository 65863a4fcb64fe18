using System.Text.Json;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server.Interop;

[Trait("Category", "Interop")]
public sealed class TwistedInteropTests : IDisposable
{
    private const string AgentScript = """
        import json, sys
        from twisted.internet import reactor, defer
        from twisted.python.failure import Failure
        from twisted.web.client import Agent, HTTPConnectionPool, readBody
        from twisted.web.http_headers import Headers

        base = 'http://127.0.0.1:%s' % sys.argv[1]
        pool = HTTPConnectionPool(reactor, persistent=True)
        agent = Agent(reactor, pool=pool)
        results = []
        requests = [
            (b'GET', '/files/hello.txt', {}),
            (b'HEAD', '/files/hello.txt', {}),
            (b'GET', '/files/hello.txt', {b'Range': [b'bytes=0-4']}),
            (b'GET', '/stream', {}),
            (b'GET', '/slow', {}),
            (b'GET', '/files/%2e%2e/secret.txt', {}),
            (b'GET', '/files/..%2fsecret.txt', {}),
            (b'GET', '/files/link-outside', {}),
        ]

        @defer.inlineCallbacks
        def main():
            for method, path, headers in requests:
                response = yield agent.request(method, (base + path).encode(), Headers(headers))
                body = yield readBody(response)
                length = response.length if isinstance(response.length, int) else -1
                results.append({'status': response.code, 'body': body.decode('latin-1'), 'length': length,
                                'headers': {k.decode(): [v.decode() for v in vs] for k, vs in response.headers.getAllRawHeaders()}})
            yield pool.closeCachedConnections()

        def done(outcome):
            if isinstance(outcome, Failure):
                sys.stderr.write(outcome.getTraceback())
            else:
                print(json.dumps(results))
            reactor.stop()

        reactor.callWhenRunning(lambda: main().addBoth(done))
        reactor.callLater(20, reactor.stop)
        reactor.run()
        """;

    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task TwistedsAgentGetsFilesHeadRangesChunkedAndDeferredAnswersOnOneConnection()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var output = await ExternalProcess.PythonAsync(AgentScript, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal([200, 200, 206, 200, 200, 404, 404, 404], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal(
            ["Hello, world!\n", "", "Hello", "chunk one, chunk two", "slow"],
            results.Take(5).Select(r => r.GetProperty("body").GetString()));
        // Twisted keeps Content-Length and Transfer-Encoding apart from the headers: they show as the length.
        Assert.Equal([14, 0, 5, -1, -1], results.Take(5).Select(r => r.GetProperty("length").GetInt32()));
        Assert.Equal(["text/plain; charset=utf-8"], results[1].GetProperty("headers").GetProperty("Content-Type").EnumerateArray().Select(v => v.GetString()));
        Assert.All(results.Skip(5), r => Assert.DoesNotContain("SECRET", r.GetProperty("body").GetString(), StringComparison.Ordinal));
        Assert.Single(server.Log.Select(entry => entry.Client).Distinct());
    }
}
