using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class VersionTests
{
    [Fact]
    public void AnHttp12RequestIsAnsweredAsHttp11AndKeepsTheConnection()
    {
        var harness = new ServerHarness(new TextResource("x"));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.2\r\nHost: h\r\n\r\nGET / HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.StartsWith("HTTP/1.1 200 OK\r\n", connection.Output, StringComparison.Ordinal);
        Assert.Equal([(200, "x"), (200, "x")], connection.Responses().Select(r => (r.Status, r.BodyText)));
        Assert.False(connection.Transport.ClosedByServer);
        Assert.Equal(NetScope.Web.Http.HttpProtocolVersion.Http11, harness.Log[0].Version);
    }

    [Fact]
    public void AnotherMajorVersionIsStillAnsweredWith505()
    {
        var harness = new ServerHarness(new TextResource("x"));

        Assert.Equal(505, harness.Connect().Send("GET / HTTP/2.0\r\nHost: h\r\n\r\n").Single().Status);
    }
}
