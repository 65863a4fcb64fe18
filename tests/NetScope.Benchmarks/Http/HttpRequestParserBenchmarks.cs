using System.Text;
using BenchmarkDotNet.Attributes;
using NetScope.Web.Http;

namespace NetScope.Benchmarks.Http;

/// <summary>
/// Parsing one request head, as a keep-alive connection sees it: the parser lives as long as the connection,
/// so header strings are reused from the previous request. <see cref="BrowserRequestOnNewConnection"/> pays
/// for a new parser and every string.
/// </summary>
[MemoryDiagnoser]
public class HttpRequestParserBenchmarks
{
    // What wrk sends by default.
    private static readonly byte[] WrkGet = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n"u8.ToArray();

    // A browser navigation with ten header fields.
    private static readonly byte[] BrowserGet = Encoding.ASCII.GetBytes(
        "GET /articles/2024/http-parsing?ref=home&utm_source=feed HTTP/1.1\r\n"
        + "Host: www.example.com\r\n"
        + "Connection: keep-alive\r\n"
        + "sec-ch-ua: \"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"\r\n"
        + "sec-ch-ua-platform: \"Linux\"\r\n"
        + "Upgrade-Insecure-Requests: 1\r\n"
        + "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36\r\n"
        + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
        + "Accept-Encoding: gzip, deflate, br, zstd\r\n"
        + "Accept-Language: en-US,en;q=0.9\r\n"
        + "Cookie: session=3f2a9c1e7b; theme=dark\r\n"
        + "\r\n");

    private readonly CountingHandler _handler = new();
    private HttpRequestParser _wrkConnection = null!;
    private HttpRequestParser _browserConnection = null!;

    [GlobalSetup]
    public void Setup()
    {
        _wrkConnection = new HttpRequestParser(_handler);
        _browserConnection = new HttpRequestParser(_handler);
        _wrkConnection.Feed(WrkGet);
        _browserConnection.Feed(BrowserGet);
    }

    [Benchmark(Baseline = true)]
    public int WrkGetRequest() => _wrkConnection.Feed(WrkGet);

    [Benchmark]
    public int BrowserRequest() => _browserConnection.Feed(BrowserGet);

    [Benchmark]
    public int BrowserRequestOnNewConnection() => new HttpRequestParser(_handler).Feed(BrowserGet);

    private sealed class CountingHandler : IHttpRequestHandler
    {
        public int Requests { get; private set; }

        public void OnRequestHead(HttpRequestHead head) => Requests++;

        public void OnBody(ReadOnlySpan<byte> data)
        {
        }

        public void OnTrailers(HttpHeaders trailers)
        {
        }

        public bool OnRequestComplete() => true;

        public void OnError(HttpParseError error) => throw new InvalidOperationException(error.ToString());
    }
}
