using NetScope.Web.Http;
using NetScope.Web.Server;
using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class StaticFileTests : IDisposable
{
    private readonly StaticTree _tree = new();

    public static TheoryData<string> TraversalAttempts => new()
    {
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/..%2fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/%2e%2e%2f%2e%2e%2fsecret.txt",
        "/docs/../../secret.txt",
        "/docs/%2e%2e/%2e%2e/secret.txt",
        "/docs/..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/%5c..%5csecret.txt",
        "//secret.txt",
        "/%2F" + "secret.txt",
        "/%2Ftmp%2Fsecret.txt",
        "/hello.txt%00.png",
        "/%00",
        "/link-outside",
        "/absolute-outside",
        "/dir-outside/secret.txt",
        "/dir-outside/",
        "/docs/sneaky/secret.txt",
        "/docs/sneaky/",
        "/loop1",
        "/./hello.txt",
        "/docs/./a%20b.txt",
        "/%252e%252e/secret.txt",
        "/hello.txt/",
        "/hello.txt/..",
    };

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void AFileIsServedWithTypeLengthValidatorsAndRanges()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n");

        var response = connection.Single();
        var modified = File.GetLastWriteTimeUtc(_tree.PathOf("hello.txt"));
        Assert.Equal((200, "Hello, world!\n"), (response.Status, response.BodyText));
        Assert.Equal("text/plain; charset=utf-8", response.Header("Content-Type"));
        Assert.Equal("14", response.Header("Content-Length"));
        Assert.Equal("bytes", response.Header("Accept-Ranges"));
        Assert.Equal(HttpDate.Format(modified), response.Header("Last-Modified"));
        Assert.Equal($"\"{modified.Ticks:x}-e\"", response.Header("ETag"));
        Assert.True(harness.Threads.Ran > 0, "the lookup and the read should run on the thread pool");
    }

    [Fact]
    public void TheReactorThreadDoesNotAnswerBeforeThePoolHasLookedThePathUp()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Protocol.DataReceived("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n"u8);

        Assert.Equal(string.Empty, connection.Output);
        Assert.Equal(1, harness.Threads.Pending);
        harness.Threads.RunAll();
        Assert.Equal("Hello, world!\n", connection.Single().BodyText);
    }

    [Theory]
    [MemberData(nameof(TraversalAttempts))]
    public void NothingOutsideTheRootIsEverServed(string path)
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send($"GET {path} HTTP/1.1\r\nHost: h\r\n\r\n");

        var response = connection.Single();
        Assert.True(response.Status == 404, $"{path} got {response.Status}");
        Assert.DoesNotContain("SECRET", connection.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET http://h/../secret.txt HTTP/1.1")]
    [InlineData("GET http://h/%2e%2e/secret.txt HTTP/1.1")]
    [InlineData("GET http://h//secret.txt HTTP/1.1")]
    public void AbsoluteFormTargetsCannotLeaveTheRootEither(string requestLine)
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send($"{requestLine}\r\nHost: h\r\n\r\n");

        Assert.Equal(404, connection.Single().Status);
        Assert.DoesNotContain("SECRET", connection.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void NothingOutsideTheRootIsServedWhenTheRootIsMountedBelowAPrefix()
    {
        var root = new Resource();
        root.PutChild("files", new StaticFile(_tree.Root));
        var harness = new ServerHarness(root);
        var connection = harness.Connect();

        connection.Send("GET /files/../secret.txt HTTP/1.1\r\nHost: h\r\n\r\nGET /files/%2e%2e/secret.txt HTTP/1.1\r\nHost: h\r\n\r\nGET /files/hello.txt HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal([404, 404, 200], connection.Responses().Select(r => r.Status));
        Assert.DoesNotContain("SECRET", connection.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksThatStayInsideTheRootAreFollowed()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /link-inside HTTP/1.1\r\nHost: h\r\n\r\nGET /docs/up-and-back HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(["Hello, world!\n", "Hello, world!\n"], connection.Responses().Select(r => r.BodyText));
    }

    [Fact]
    public void ADirectoryWithoutItsSlashIsRedirectedRelativelyKeepingTheQuery()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /docs HTTP/1.1\r\nHost: h\r\n\r\nGET /docs/nested?x=1 HTTP/1.1\r\nHost: h\r\n\r\n");

        var responses = connection.Responses();
        Assert.Equal([301, 301], responses.Select(r => r.Status));
        Assert.Equal(["./docs/", "./nested/?x=1"], responses.Select(r => r.Header("Location")));
    }

    [Fact]
    public void ADirectoryListingEscapesNamesAndLeavesOutLinksThatLeaveTheRoot()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /docs/ HTTP/1.1\r\nHost: h\r\n\r\n");

        var response = connection.Single();
        var html = response.BodyText;
        Assert.Equal("text/html; charset=utf-8", response.Header("Content-Type"));
        Assert.Contains("<title>Index of /docs/</title>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"nested/\">nested/</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"a%20b.txt\">a b.txt</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"%3Cscript%3E%26%22x%27.txt\">&lt;script&gt;&amp;&quot;x&#39;.txt</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"up-and-back\">up-and-back</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"../\">../</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sneaky", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("nested/", StringComparison.Ordinal) < html.IndexOf("a%20b.txt", StringComparison.Ordinal), "directories come first");
    }

    [Fact]
    public void TheRootListingHasNoParentLinkAndEscapesTheRequestPath()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /?<b> HTTP/1.1\r\nHost: h\r\n\r\n");

        var html = connection.Single().BodyText;
        Assert.DoesNotContain("href=\"../\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"hello.txt\">hello.txt</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("link-outside", html, StringComparison.Ordinal);
        Assert.DoesNotContain("absolute-outside", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dir-outside", html, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIndexFileIsServedForItsDirectory()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /site/ HTTP/1.1\r\nHost: h\r\n\r\n");

        var response = connection.Single();
        Assert.Equal(("<h1>index</h1>", "text/html; charset=utf-8"), (response.BodyText, response.Header("Content-Type")));
    }

    [Fact]
    public void ListingsCanBeTurnedOff()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root, new StaticFileOptions { ListDirectories = false }));
        var connection = harness.Connect();

        connection.Send("GET /docs/ HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal(403, connection.Single().Status);
    }

    [Fact]
    public void HeadSendsTheHeadersOfGetWithoutTheFile()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();

        connection.Send("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\nHEAD /hello.txt HTTP/1.1\r\nHost: h\r\nRange: bytes=0-1\r\n\r\n");

        var responses = connection.Responses(HttpMethods.Get, HttpMethods.Head);
        Assert.Equal(responses[0].Head.Headers, responses[1].Head.Headers);
        Assert.Equal(200, responses[1].Status);
        Assert.Empty(responses[1].Body);
    }

    [Fact]
    public void AnEmptyFileIsServedWithLengthZero()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));

        var response = harness.Connect().Send("GET /empty.txt HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal((200, "0"), (response.Status, response.Header("Content-Length")));
        Assert.Empty(response.Body);
    }

    [Fact]
    public void ASingleFileRootServesThatFileAndNothingBelowIt()
    {
        var harness = new ServerHarness(new StaticFile(_tree.PathOf("hello.txt")));
        var connection = harness.Connect();

        connection.Send("GET / HTTP/1.1\r\nHost: h\r\n\r\nGET /x HTTP/1.1\r\nHost: h\r\n\r\nGET /../secret.txt HTTP/1.1\r\nHost: h\r\n\r\n");

        Assert.Equal([200, 404, 404], connection.Responses().Select(r => r.Status));
        Assert.Equal("Hello, world!\n", connection.Responses()[0].BodyText);
    }

    [Fact]
    public void WithoutAThreadPoolFilesAreReadInline()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root), withThreads: false);

        var response = harness.Connect().Send("GET /page.html HTTP/1.1\r\nHost: h\r\n\r\n").Single();

        Assert.Equal("<p>page</p>", response.BodyText);
        Assert.Equal(0, harness.Threads.Ran);
    }

    [Fact]
    public void AClientThatLeavesWhileThePoolLooksUpIsNotAnswered()
    {
        var harness = new ServerHarness(new StaticFile(_tree.Root));
        var connection = harness.Connect();
        connection.Protocol.DataReceived("GET /hello.txt HTTP/1.1\r\nHost: h\r\n\r\n"u8);

        connection.Lose();
        harness.Threads.RunAll();

        Assert.Equal(string.Empty, connection.Output);
    }
}
