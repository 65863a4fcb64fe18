using System.Text;
using NetScope.Core.Defer;
using NetScope.Sessions.Kinds;
using NetScope.Sessions.Tests.Support;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Sessions.Tests;

/// <summary>The http session kind: one request per session, its phases, its transcript, and redirects as sessions of their own.</summary>
public sealed class HttpSessionTests : IDisposable
{
    private readonly Harness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public void ARequestIsOneSessionThatEndsWithItsBody()
    {
        var starter = Start("http://127.0.0.1:8080/hello");
        var session = _harness.Workspace.Sessions[^1];
        Assert.Equal(("http", "GET http://127.0.0.1:8080/hello", SessionState.Connecting), (session.Kind, session.Target, session.State));
        var connection = Connect();
        Assert.Equal(SessionState.Open, session.State);

        _harness.Reactor.Clock.Advance(0.010);
        connection.Deliver("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel");
        var body = Result(starter.Response).ReadBody();
        Assert.False(session.Ended);
        _harness.Reactor.Clock.Advance(0.005);
        connection.Deliver("lo");

        Assert.Equal("hello", Encoding.ASCII.GetString(Result(body)));
        Assert.Equal((SessionState.Closed, "response complete: 200 OK"), (session.State, session.EndReason));
        Assert.Equal(
            // In the order reached: the request is sent in full before any reply byte arrives.
            ["connect", "first byte sent", "request sent", "first byte received", "headers received", "body received"],
            session.GetTimings().Phases.Where(p => p.At is not null).Select(p => p.Name).Where(name => name != "dns"));
        Assert.Equal(0.015, session.GetTimings().Find("body received")!.At!.Value, 6);
    }

    [Fact]
    public void TheTranscriptHoldsTheHeadsInFullAndTheBodiesUpToTheLimit()
    {
        var starter = Start("http://127.0.0.1:8080/big", limit: 10);
        var session = _harness.Workspace.Sessions[^1];
        var connection = Connect();
        var head = "HTTP/1.1 200 OK\r\nContent-Length: 30\r\n\r\n";
        connection.Deliver(head);
        var body = Result(starter.Response).ReadBody();
        connection.Deliver(new string('a', 20));
        connection.Deliver(new string('b', 10));
        Result(body);

        var entries = session.Transcript.Read(0);
        var sent = Encoding.ASCII.GetString(entries.Where(e => e.Direction == Direction.Sent).SelectMany(e => e.Data).ToArray());
        var received = Encoding.ASCII.GetString(entries.Where(e => e.Direction == Direction.Received).SelectMany(e => e.Data).ToArray());
        Assert.StartsWith("GET /big HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n", sent);
        Assert.Equal(head + new string('a', 10), received);
        Assert.Equal(
            ["response body: 20 more bytes received, not recorded", "response complete: 200 OK"],
            entries.Where(e => e.Direction == Direction.Note).Select(e => e.Note));
    }

    [Fact]
    public void AFailedRequestFailsItsSessionAndTheResponse()
    {
        var starter = Start("http://127.0.0.1:8080/");
        var session = _harness.Workspace.Sessions[^1];

        _harness.Reactor.Connectors[^1].Fail(new Core.Errors.ConnectionRefusedException("connect 127.0.0.1:8080: connection refused"));
        _harness.Reactor.Clock.Advance(0);

        Assert.Equal((SessionState.Failed, "connect 127.0.0.1:8080: connection refused"), (session.State, session.EndReason));
        Assert.IsType<Core.Errors.ConnectionRefusedException>(FailureOf(starter.Response));
    }

    [Fact]
    public void EachRedirectFollowedIsASessionOfItsOwnOnTheSameConnection()
    {
        var starter = Start("http://127.0.0.1:8080/old", follow: true);
        var connection = Connect();
        connection.Deliver("HTTP/1.1 301 Moved Permanently\r\nLocation: /new\r\nContent-Length: 0\r\n\r\n");

        Assert.Equal(["GET http://127.0.0.1:8080/old", "GET http://127.0.0.1:8080/new"], _harness.Workspace.Sessions.Select(s => s.Target));
        Assert.Equal(SessionState.Closed, _harness.Workspace.Sessions[0].State);
        Assert.Single(_harness.Reactor.Connectors);
        connection.Deliver("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");

        var final = Result(starter.Response);
        Assert.Equal(("/new", 301), (final.Url.Path, final.PreviousResponse!.StatusCode));
        Assert.Contains(
            _harness.Workspace.Sessions[1].Transcript.Read(0),
            entry => entry.Note == "reusing the kept-alive connection to 127.0.0.1:8080");
        Assert.Null(_harness.Workspace.Sessions[1].GetTimings().Find("connect")!.At);
    }

    [Fact]
    public void GoingPastTheRedirectLimitFailsTheResponse()
    {
        var starter = Start("http://127.0.0.1:8080/loop", follow: true, maxRedirects: 1);
        var connection = Connect();

        connection.Deliver("HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n");
        connection.Deliver("HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n");

        Assert.IsType<TooManyRedirectsException>(FailureOf(starter.Response));
        Assert.Equal(2, _harness.Workspace.Sessions.Count);
    }

    [Fact]
    public void ClosingTheSessionGivesUpTheRequest()
    {
        var starter = Start("http://127.0.0.1:8080/");
        var session = _harness.Workspace.Sessions[^1];
        Connect();

        session.Abort();
        _harness.Reactor.Clock.Advance(0);

        Assert.IsType<CancelledException>(FailureOf(starter.Response));
        Assert.Equal(SessionState.Failed, session.State);
    }

    private HttpSessionStarter Start(string url, bool follow = false, int maxRedirects = 50, int limit = 64 * 1024)
    {
        var agent = new HttpAgent(_harness.Reactor);
        var starter = new HttpSessionStarter(new HttpSessionRequest(agent, HttpMethods.Get, HttpUrl.Parse(url))
        {
            FollowRedirects = follow,
            MaxRedirects = maxRedirects,
            TranscriptBodyLimit = limit,
        });
        _harness.Workspace.Open(starter);
        return starter;
    }

    private MemoryConnection Connect()
    {
        var connection = _harness.Reactor.Connectors[^1].Accept();
        _harness.Reactor.Clock.Advance(0);
        return connection;
    }

    private static T Result<T>(Deferred<T> deferred)
    {
        Assert.True(deferred.Called, $"{deferred} has not fired");
        object? outcome = null;
        deferred.AddBoth(result =>
        {
            outcome = result;
            return result is Failure ? null : result;
        });
        if (outcome is Failure failure)
        {
            failure.RaiseException();
        }

        return (T)outcome!;
    }

    private static Exception FailureOf(Deferred deferred)
    {
        Assert.True(deferred.Called, $"{deferred} has not fired");
        Exception? error = null;
        deferred.AddBoth(result =>
        {
            error = (result as Failure)?.Value;
            return null;
        });
        return error ?? throw new Xunit.Sdk.XunitException("the Deferred succeeded");
    }
}
