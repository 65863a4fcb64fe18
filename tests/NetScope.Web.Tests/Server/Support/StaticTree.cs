using System.Text;

namespace NetScope.Web.Tests.Server.Support;

/// <summary>
/// A directory tree for static file tests: a root with files, a listing to escape, an index, links inside and
/// out of the root, a link loop, and secrets next to the root that must never be served.
/// </summary>
internal sealed class StaticTree : IDisposable
{
    public const string Secret = "TOP SECRET: never serve this";

    public StaticTree()
    {
        Base = Directory.CreateTempSubdirectory("netscope-static-").FullName;
        Root = Path.Combine(Base, "root");
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Path.Combine(Base, "outside"));
        File.WriteAllText(Path.Combine(Base, "secret.txt"), Secret);
        File.WriteAllText(Path.Combine(Base, "outside", "secret.txt"), Secret);

        File.WriteAllText(Path.Combine(Root, "hello.txt"), "Hello, world!\n");

        // Before the tests' fixed wall clock, as a real file's modification time is before now.
        File.SetLastWriteTimeUtc(Path.Combine(Root, "hello.txt"), new DateTime(2024, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc));
        File.WriteAllBytes(Path.Combine(Root, "empty.txt"), []);
        Directory.CreateDirectory(Path.Combine(Root, "docs"));
        File.WriteAllText(Path.Combine(Root, "docs", "a b.txt"), "spaced");
        File.WriteAllText(Path.Combine(Root, "docs", "<script>&\"x'.txt"), "tricky");
        Directory.CreateDirectory(Path.Combine(Root, "docs", "nested"));
        Directory.CreateDirectory(Path.Combine(Root, "site"));
        File.WriteAllText(Path.Combine(Root, "site", "index.html"), "<h1>index</h1>");
        File.WriteAllText(Path.Combine(Root, "page.html"), "<p>page</p>");

        File.CreateSymbolicLink(Path.Combine(Root, "link-inside"), "hello.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "docs", "up-and-back"), "../hello.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "link-outside"), "../secret.txt");
        File.CreateSymbolicLink(Path.Combine(Root, "absolute-outside"), Path.Combine(Base, "secret.txt"));
        Directory.CreateSymbolicLink(Path.Combine(Root, "dir-outside"), "../outside");
        Directory.CreateSymbolicLink(Path.Combine(Root, "docs", "sneaky"), "../../outside");
        File.CreateSymbolicLink(Path.Combine(Root, "loop1"), "loop2");
        File.CreateSymbolicLink(Path.Combine(Root, "loop2"), "loop1");
    }

    public string Base { get; }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public byte[] WriteLargeFile(string name, int size)
    {
        var data = new byte[size];
        for (var i = 0; i < size; i++)
        {
            data[i] = (byte)((i * 31) ^ (i >> 8));
        }

        File.WriteAllBytes(PathOf(name), data);
        return data;
    }

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public void Dispose() => Directory.Delete(Base, recursive: true);
}
