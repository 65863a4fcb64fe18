using System.Text;
using BenchmarkDotNet.Attributes;
using NetScope.Core.Protocols;
using NetScope.Testing;
using NetScope.Web.Http;
using NetScope.Web.Server;

namespace NetScope.Benchmarks.Http;

/// <summary>
/// One request through the server protocol over an in-memory transport, as a wrk connection sends it:
/// parse, route, answer, account for the next request. No sockets, so this is the server's own cost per
/// request (compare <c>HttpRequestParserBenchmarks</c> for the parser's share). The pipelined case feeds
/// 16 requests per call; divide by 16.
/// </summary>
[MemoryDiagnoser]
public class HttpServerBenchmarks
{
    private static readonly byte[] WrkGet = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"u8.ToArray();
    private static readonly byte[] WrkGetPipelined16 = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n", 16)));

    private NullTransport _fixedTransport = null!;
    private IProtocol _fixed = null!;
    private IProtocol _pipelined = null!;
    private IProtocol _rendered = null!;
    private IProtocol _streamed = null!;

    [GlobalSetup]
    public void Setup()
    {
        var clock = new Clock();
        _fixedTransport = new NullTransport(clock);
        _fixed = Connect(new Site(FixedResource.Text("Hello, world!"), clock, null), _fixedTransport);
        _pipelined = Connect(new Site(FixedResource.Text("Hello, world!"), clock, null), new NullTransport(clock));
        _rendered = Connect(new Site(new HelloResource(), clock, null), new NullTransport(clock));
        _streamed = Connect(new Site(new StreamedHelloResource(), clock, null), new NullTransport(clock));

        // Warm the per-connection caches (header strings, head buffer) as a kept-alive connection has them.
        _fixed.DataReceived(WrkGet);
        _pipelined.DataReceived(WrkGetPipelined16);
        _rendered.DataReceived(WrkGet);
        _streamed.DataReceived(WrkGet);
    }

    /// <summary>The fixed 13-byte answer of <c>netscope listen http --status 200 --body 'Hello, world!'</c>.</summary>
    [Benchmark(Baseline = true)]
    public long FixedResponse()
    {
        _fixed.DataReceived(WrkGet);
        return _fixedTransport.BytesWritten;
    }

    /// <summary>Sixteen pipelined requests in one read, answered in order.</summary>
    [Benchmark(OperationsPerInvoke = 16)]
    public void FixedResponsePipelined16() => _pipelined.DataReceived(WrkGetPipelined16);

    /// <summary>A resource that sets a header and returns its body from <c>RenderGet</c>: the general path.</summary>
    [Benchmark]
    public void RenderedResponse() => _rendered.DataReceived(WrkGet);

    /// <summary>A resource that writes its body and finishes, so the body is sent chunked.</summary>
    [Benchmark]
    public void StreamedChunkedResponse() => _streamed.DataReceived(WrkGet);

    private static IProtocol Connect(Site site, NullTransport transport)
    {
        var protocol = site.BuildProtocol(transport.GetPeer())!;
        protocol.MakeConnection(transport);
        return protocol;
    }

    private sealed class HelloResource : Resource
    {
        private static readonly byte[] Body = "Hello, world!"u8.ToArray();

        public override bool IsLeaf => true;

        protected override RenderResult RenderGet(Request request)
        {
            request.SetHeader(HttpHeaderNames.ContentType, "text/plain");
            return Body;
        }
    }

    private sealed class StreamedHelloResource : Resource
    {
        public override bool IsLeaf => true;

        protected override RenderResult RenderGet(Request request)
        {
            request.Write("Hello, "u8);
            request.Write("world!"u8);
            request.Finish();
            return RenderResult.NotDoneYet;
        }
    }
}
