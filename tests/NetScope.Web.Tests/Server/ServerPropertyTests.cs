using CsCheck;
using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Server.Listeners;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Http.Support;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

/// <summary>
/// Random, generated and mutated requests fed to the server over an in-memory transport. Whatever arrives,
/// nothing throws, the output is the same whether the bytes come whole or in small pieces, every response
/// parses as well-formed HTTP (one per logged request, with the logged status, in order), and once the
/// clock has run past every timeout the server has closed the connection: nothing hangs.
/// </summary>
public sealed class ServerPropertyTests : IDisposable
{
    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void GeneratedRequestsGetWellFormedAnswersInEveryChunkSize()
    {
        Gen.Select(HttpGenerators.Requests.Select(s => s.Bytes), Gen.Int[1, 40]).Sample(
            (bytes, chunkSize) => Check(bytes, chunkSize),
            iter: 200,
            print: sample => HttpGenerators.Describe(sample.Item1) + $" in chunks of {sample.Item2}");
    }

    [Fact]
    public void MutatedRequestsGetWellFormedAnswersInEveryChunkSize()
    {
        Gen.Select(HttpGenerators.Mutated(HttpGenerators.Requests.Select(s => s.Bytes)), Gen.Int[1, 40]).Sample(
            (bytes, chunkSize) => Check(bytes, chunkSize),
            iter: 600,
            print: sample => HttpGenerators.Describe(sample.Item1) + $" in chunks of {sample.Item2}");
    }

    [Fact]
    public void RandomBytesGetWellFormedAnswersOrNone()
    {
        var requestLike = Gen.Frequency(
            (1, Gen.Byte.Array[0, 200]),
            (2, Gen.Char["GET /HTP1.\r\n :Hostcontent-length0123456789chunked\t"].Array[0, 200].Select(chars => chars.Select(c => (byte)c).ToArray())));
        Gen.Select(requestLike, Gen.Int[1, 40]).Sample(
            (bytes, chunkSize) => Check(bytes, chunkSize),
            iter: 400,
            print: sample => HttpGenerators.Describe(sample.Item1) + $" in chunks of {sample.Item2}");
    }

    private void Check(byte[] bytes, int chunkSize)
    {
        var whole = Run(bytes, int.MaxValue);
        var pieces = Run(bytes, chunkSize);

        Assert.Equal(whole.Output, pieces.Output);
        var methods = whole.Log.Select(entry => entry.Method ?? HttpMethods.Get).ToArray();
        var parsed = ResponseReader.Parse(whole.Output, methods, connectionEnded: true);
        Assert.Null(parsed.Error);
        Assert.False(parsed.Incomplete, "a response was cut short");
        Assert.Equal(whole.Log.Select(entry => entry.StatusCode), parsed.Responses.Select(response => response.Status));
        Assert.All(parsed.Interim, head => Assert.Equal(100, head.StatusCode));
    }

    private (byte[] Output, List<HttpAccessLogEntry> Log) Run(byte[] bytes, int chunkSize)
    {
        var harness = new ServerHarness(new MixedResource(new StaticFile(_tree.Root)), new SiteOptions
        {
            ParserOptions = new HttpParserOptions { MaxHeaderCount = 8, MaxBodyLength = 4096, MaxStartLineLength = 256 },
            MaxPipelinedBytes = 64,
        });
        var connection = harness.Connect();
        connection.Send(bytes, chunkSize);

        // Past the head (30 s), idle (75 s) and linger (2 s) timeouts, and every delayed answer.
        harness.Advance(200, step: 1);
        Assert.True(connection.Transport.ClosedByServer, "the connection was still open long after every timeout");
        return (connection.Transport.Written, harness.Log);
    }

    /// <summary>Picks an answer by the path's length: echo, fixed, chunked, delayed, static, or 405/501.</summary>
    private sealed class MixedResource(StaticFile files) : Resource
    {
        private static readonly FixedResource Fixed = FixedResource.Text("fixed");
        private static readonly EchoResource Echo = new();

        public override bool IsLeaf => true;

        public override RenderResult Render(Request request)
        {
            switch (request.Path.Length % 6)
            {
                case 0:
                    return Echo.Render(request);
                case 1:
                    return Fixed.Render(request);
                case 2:
                    request.Write("chunk one, ");
                    request.Write("chunk two");
                    request.Finish();
                    return RenderResult.NotDoneYet;
                case 3:
                    request.Site.Clock.CallLater(0.5, () =>
                    {
                        if (!request.IsDisconnected)
                        {
                            request.Write("late");
                            request.Finish();
                        }
                    });
                    return RenderResult.NotDoneYet;
                case 4:
                    request.Render(files);
                    return RenderResult.NotDoneYet;
                default:
                    return base.Render(request);
            }
        }
    }
}
