using System.Text;
using System.Text.Json;
using NetScope.Web.Http;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server.Interop;

[Trait("Category", "Interop")]
public sealed class PythonInteropTests : IDisposable
{
    private const string HttpClientScript = """
        import http.client, json, sys
        conn = http.client.HTTPConnection('127.0.0.1', int(sys.argv[1]), timeout=10)
        results = []
        def request(method, path, body=None, headers={}, chunked=False):
            conn.request(method, path, body=body, headers=headers, encode_chunked=chunked)
            response = conn.getresponse()
            data = response.read()
            results.append({'status': response.status, 'headers': dict(response.getheaders()),
                            'body': data.decode('latin-1'), 'port': conn.sock.getsockname()[1] if conn.sock else None})
        request('GET', '/files/hello.txt')
        request('HEAD', '/files/hello.txt')
        request('GET', '/files/hello.txt', headers={'Range': 'bytes=7-'})
        request('POST', '/echo', body=iter([b'abc', b'def']), chunked=True)
        request('GET', '/stream')
        request('GET', '/files/%2e%2e/secret.txt')
        request('GET', '/files/docs/')
        print(json.dumps(results))
        """;

    private const string PipelineScript = """
        import base64, socket, sys
        sock = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=10)
        sock.sendall(b'GET /slow HTTP/1.1\r\nHost: x\r\n\r\n'
                     b'GET /fast HTTP/1.1\r\nHost: x\r\n\r\n'
                     b'HEAD /files/hello.txt HTTP/1.1\r\nHost: x\r\n\r\n'
                     b'GET /slow HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        received = b''
        while True:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        print(base64.b64encode(received).decode())
        """;

    private const string OversizedUploadScript = """
        import socket, sys
        sock = socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=10)
        sock.sendall(b'POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5000000\r\n\r\n')
        try:
            for _ in range(16):
                sock.sendall(b'x' * 65536)
        except OSError as error:
            sys.stderr.write('sending failed: %s\n' % error)
        received = b''
        while True:
            data = sock.recv(65536)
            if not data:
                break
            received += data
        print(received.split(b'\r\n')[0].decode())
        """;

    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public async Task HttpClientKeepsOneConnectionForFilesHeadRangesAndChunkedBodies()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        using var json = JsonDocument.Parse(await ExternalProcess.PythonAsync(HttpClientScript, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var results = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal([200, 200, 206, 200, 200, 404, 200], results.Select(r => r.GetProperty("status").GetInt32()));
        Assert.Equal("Hello, world!\n", results[0].GetProperty("body").GetString());
        Assert.Equal(("", "14"), (results[1].GetProperty("body").GetString(), results[1].GetProperty("headers").GetProperty("Content-Length").GetString()));
        Assert.Equal(("world!\n", "bytes 7-13/14"), (results[2].GetProperty("body").GetString(), results[2].GetProperty("headers").GetProperty("Content-Range").GetString()));
        Assert.EndsWith("Transfer-Encoding: chunked\n\nBody: 6 bytes\nabcdef", results[3].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("chunk one, chunk two", results[4].GetProperty("body").GetString());
        Assert.DoesNotContain("SECRET", results[5].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("<a href=\"a%20b.txt\">a b.txt</a>", results[6].GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Single(results.Select(r => r.GetProperty("port").GetInt32()).Distinct());
        Assert.Single(server.Log.Select(entry => entry.Client).Distinct());
    }

    [Fact]
    public async Task AClientStillSendingATooLargeBodyReadsThe413BecauseTheServerLingers()
    {
        // Without the linger the unread upload makes the close a reset, and the client never sees the 413.
        var options = new NetScope.Web.Server.SiteOptions { ParserOptions = new HttpParserOptions { MaxBodyLength = 1000 } };
        using var server = await LiveServer.StartAsync(reactor => new NetScope.Web.Server.Site(new NetScope.Web.Server.Listeners.EchoResource(), reactor, options));

        var statusLine = await ExternalProcess.PythonAsync(OversizedUploadScript, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal("HTTP/1.1 413 Content Too Large", statusLine.Trim());
    }

    [Fact]
    public async Task PipelinedRequestsFromARawSocketAreAnsweredInOrder()
    {
        using var server = await LiveServer.StartAsync(reactor => InteropSite.Build(reactor, _tree));

        var output = await ExternalProcess.PythonAsync(PipelineScript, server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var bytes = Convert.FromBase64String(output.Trim());
        var parsed = ResponseReader.Parse(bytes, [HttpMethods.Get, HttpMethods.Get, HttpMethods.Head, HttpMethods.Get], connectionEnded: true);
        Assert.Null(parsed.Error);
        Assert.Equal(["slow", "fast", string.Empty, "slow"], parsed.Responses.Select(r => Encoding.ASCII.GetString(r.Body)));
        Assert.Equal("14", parsed.Responses[2].Header("Content-Length"));
        Assert.Equal("close", parsed.Responses[3].Header("Connection"));
    }
}
