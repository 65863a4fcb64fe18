using System.Net;
using System.Text;
using NetScope.Core.Defer;
using NetScope.Core.Errors;
using NetScope.Core.Protocols;
using NetScope.Testing;
using NetScope.Web.Server;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>A site on a test clock and a manual thread pool, with in-memory connections to it.</summary>
internal sealed class ServerHarness
{
    private int _nextPort = 40000;

    public ServerHarness(Resource root, SiteOptions? options = null, bool withThreads = true)
    {
        options ??= new SiteOptions();
        Site = new Site(root, Clock, withThreads ? Threads : null, Copy(options, WallClock));
        Site.RequestLogged += (_, entry) => Log.Add(entry);
    }

    public Clock Clock { get; } = new(1000);

    public ManualThreads Threads { get; } = new();

    public FixedTimeProvider WallClock { get; } = new();

    public Site Site { get; }

    public List<HttpAccessLogEntry> Log { get; } = [];

    /// <summary>The Date header value the wall clock gives.</summary>
    public string Date => NetScope.Web.Http.HttpDate.Format(WallClock.Now);

    public Connection Connect()
    {
        var transport = new MemoryTransport(Clock, new IPEndPoint(IPAddress.Loopback, _nextPort++));
        var protocol = Site.BuildProtocol(transport.GetPeer())!;
        protocol.MakeConnection(transport);
        return new Connection(this, protocol, transport);
    }

    /// <summary>Moves the clock forward in steps, running whatever falls due and the pool work it causes.</summary>
    public void Advance(double seconds, double step = 0.5)
    {
        for (var elapsed = 0.0; elapsed < seconds; elapsed += step)
        {
            Clock.Advance(Math.Min(step, seconds - elapsed));
            Threads.RunAll();
        }
    }

    private static SiteOptions Copy(SiteOptions options, TimeProvider time) => new()
    {
        ParserOptions = options.ParserOptions,
        HeaderTimeout = options.HeaderTimeout,
        IdleTimeout = options.IdleTimeout,
        LingerTimeout = options.LingerTimeout,
        MaxPipelinedBytes = options.MaxPipelinedBytes,
        BodyMemoryLimit = options.BodyMemoryLimit,
        ServerName = options.ServerName,
        DefaultContentType = options.DefaultContentType,
        DripBytesPerSecond = options.DripBytesPerSecond,
        CloseAfterBytes = options.CloseAfterBytes,
        TimeProvider = time,
    };
}

/// <summary>One in-memory client connection.</summary>
internal sealed class Connection(ServerHarness harness, IProtocol protocol, MemoryTransport transport)
{
    public MemoryTransport Transport { get; } = transport;

    public IProtocol Protocol { get; } = protocol;

    public string Output => Encoding.Latin1.GetString(Transport.Written);

    /// <summary>Sends <paramref name="text"/> (one byte per character) in chunks, running pool work after each.</summary>
    public Connection Send(string text, int chunkSize = int.MaxValue) => Send(Encoding.Latin1.GetBytes(text), chunkSize);

    public Connection Send(byte[] bytes, int chunkSize = int.MaxValue)
    {
        for (var offset = 0; offset < bytes.Length; offset += chunkSize)
        {
            Protocol.DataReceived(bytes.AsSpan(offset, Math.Min(chunkSize, bytes.Length - offset)));
            harness.Threads.RunAll();
        }

        return this;
    }

    public ParsedResponses Parse(params string[] methods) => ResponseReader.Parse(Transport.Written, methods, connectionEnded: Transport.ClosedByServer);

    /// <summary>The responses, asserting they all parse and none is cut short.</summary>
    public List<ParsedResponse> Responses(params string[] methods)
    {
        var parsed = Parse(methods);
        Assert.Null(parsed.Error);
        Assert.False(parsed.Incomplete, "a response is incomplete:\n" + Output);
        return parsed.Responses;
    }

    public ParsedResponse Single(params string[] methods) => Assert.Single(Responses(methods));

    /// <summary>The client shuts down its sending side (FIN): the protocol hears <c>ReadConnectionLost</c>.</summary>
    public void EndSending()
    {
        ((IHalfCloseableProtocol)Protocol).ReadConnectionLost();
        harness.Threads.RunAll();
    }

    public void Lose(Exception? reason = null) => Protocol.ConnectionLost(new Failure(reason ?? new ConnectionDoneException("connection closed by peer")));
}
