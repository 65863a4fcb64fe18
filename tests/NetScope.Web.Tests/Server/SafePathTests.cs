using NetScope.Web.Server.Static;
using NetScope.Web.Tests.Server.Support;

namespace NetScope.Web.Tests.Server;

public sealed class SafePathTests : IDisposable
{
    private readonly StaticTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("nul\0byte")]
    [InlineData("tab\there")]
    [InlineData("/etc")]
    public void SegmentsThatAreNotPlainNamesAreUnsafe(string segment) => Assert.False(SafePath.IsSafeSegment(segment));

    [Theory]
    [InlineData("hello.txt")]
    [InlineData("...")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    [InlineData("caf\u00e9")]
    public void PlainNamesAreSafe(string segment) => Assert.True(SafePath.IsSafeSegment(segment));

    [Fact]
    public void RealPathFollowsChainsOfRelativeAndAbsoluteLinks()
    {
        var real = SafePath.RealPath(_tree.Root);
        File.CreateSymbolicLink(_tree.PathOf("chain"), "docs/up-and-back");

        Assert.Equal(Path.Combine(real!, "hello.txt"), SafePath.RealPath(_tree.PathOf("chain")));
        Assert.Equal(SafePath.RealPath(Path.Combine(_tree.Base, "secret.txt")), SafePath.RealPath(_tree.PathOf("absolute-outside")));
        Assert.Equal(SafePath.RealPath(Path.Combine(_tree.Base, "outside", "secret.txt")), SafePath.RealPath(_tree.PathOf("docs/sneaky/secret.txt")));
    }

    [Fact]
    public void RealPathEndsLoopsAndMissingComponents()
    {
        Assert.Null(SafePath.RealPath(_tree.PathOf("loop1")));
        Assert.Null(SafePath.RealPath(_tree.PathOf("missing/hello.txt")));
        Assert.Null(SafePath.RealPath(_tree.PathOf("hello.txt/below")));
    }

    [Fact]
    public void WithinMeansTheRootOrBelowItNotASiblingWithTheSamePrefix()
    {
        Assert.True(SafePath.IsWithin("/srv/www", "/srv/www"));
        Assert.True(SafePath.IsWithin("/srv/www/a", "/srv/www"));
        Assert.False(SafePath.IsWithin("/srv/www-private/a", "/srv/www"));
        Assert.False(SafePath.IsWithin("/srv", "/srv/www"));
    }

    [Fact]
    public void CachedDataIsReadWithoutWaitingAndMatchesTheFile()
    {
        var data = _tree.WriteLargeFile("cached.bin", 100_000);
        using var file = File.OpenHandle(_tree.PathOf("cached.bin"));
        _ = File.ReadAllBytes(_tree.PathOf("cached.bin"));
        var buffer = new byte[50_000];

        var done = CachedRead.TryRead(file, buffer, 25_000, out var read);

        // Where the kernel has no non-blocking reads this says "not now", and the pool reads instead.
        if (done)
        {
            Assert.Equal(data.AsSpan(25_000, read).ToArray(), buffer.AsSpan(0, read).ToArray());
            Assert.True(read > 0);
        }
        else
        {
            Assert.False(OperatingSystem.IsLinux() && Environment.OSVersion.Version >= new Version(4, 14), "Linux 4.14 and later read cached data without waiting");
        }
    }
}
