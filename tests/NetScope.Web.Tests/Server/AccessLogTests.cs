using System.Net;
using Microsoft.Extensions.Logging;
using NetScope.Core.Logging;
using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class AccessLogTests
{
    [Fact]
    public void EveryAnsweredRequestIsLoggedWithMethodPathStatusBytesDurationAndClient()
    {
        var resource = new DeferredResource();
        var harness = new ServerHarness(resource);
        var connection = harness.Connect();
        connection.Send("POST /upload?x=1 HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc");

        harness.Clock.Advance(0.25);
        resource.Answer("twelve bytes");

        var entry = Assert.Single(harness.Log);
        Assert.Equal(
            new HttpAccessLogEntry(
                harness.WallClock.Now,
                new IPEndPoint(IPAddress.Loopback, 40000),
                "POST",
                "/upload?x=1",
                HttpProtocolVersion.Http11,
                200,
                12,
                TimeSpan.FromSeconds(0.25),
                Completed: true),
            entry);
        Assert.Equal("127.0.0.1:40000 \"POST /upload?x=1 HTTP/1.1\" 200 12 250ms", entry.ToString());
    }

    [Fact]
    public void ARefusedRequestAndAHeadlessErrorAreLoggedToo()
    {
        var harness = new ServerHarness(new TextResource("x"));
        harness.Connect().Send("GET / HTTP/1.1\r\nHost: h\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n");
        harness.Connect().Send("NOT HTTP AT ALL\r\n\r\n");

        Assert.Equal([400, 400], harness.Log.Select(e => e.StatusCode));
        Assert.Equal("127.0.0.1:40001 \"-\" 400 48 0ms", harness.Log[1].ToString());
    }

    [Fact]
    public void EntriesGoToTheLoggerWithTheirFixedEventId()
    {
        var capture = new CapturingLoggerFactory();
        var previous = NetScopeLogging.Factory;
        Site site;
        NetScopeLogging.Factory = capture;
        try
        {
            site = new Site(new TextResource("x"), new NetScope.Testing.Clock(), null);
        }
        finally
        {
            NetScopeLogging.Factory = previous;
        }

        var transport = new MemoryTransport(new NetScope.Testing.Clock());
        var protocol = site.BuildProtocol(transport.GetPeer())!;
        protocol.MakeConnection(transport);
        protocol.DataReceived("GET /logged-through-ilogger HTTP/1.1\r\nHost: h\r\n\r\n"u8);

        var line = Assert.Single(capture.Lines, l => l.Text.Contains("/logged-through-ilogger", StringComparison.Ordinal));
        Assert.Equal((LogLevel.Information, 4000, "NetScope.Web.Server"), (line.Level, line.EventId, line.Category));
        Assert.EndsWith("\"GET /logged-through-ilogger HTTP/1.1\" 200 1 0ms", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASubscriberThatThrowsDoesNotBreakTheServer()
    {
        var harness = new ServerHarness(new TextResource("x"));
        harness.Site.RequestLogged += (_, _) => throw new InvalidOperationException("bad subscriber");
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(2, connection.Responses().Count);
        Assert.Equal(2, harness.Log.Count);
    }

    private sealed class CapturingLoggerFactory : ILoggerFactory
    {
        private readonly List<(string Category, LogLevel Level, int EventId, string Text)> _lines = [];

        public IReadOnlyList<(string Category, LogLevel Level, int EventId, string Text)> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._lines)
                {
                    owner._lines.Add((category, logLevel, eventId.Id, formatter(state, exception)));
                }
            }
        }
    }
}
