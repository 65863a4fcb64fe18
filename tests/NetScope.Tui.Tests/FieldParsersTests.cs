using NetScope.Tui.Input;

namespace NetScope.Tui.Tests;

public sealed class FieldParsersTests
{
    [Theory]
    [InlineData("7", false, 7, null)]
    [InlineData(" 65535 ", false, 65535, null)]
    [InlineData("0", true, 0, null)]
    [InlineData("0", false, 0, "port 0: out of range (1-65535)")]
    [InlineData("70000", true, 0, "port 70000: out of range (0-65535)")]
    [InlineData("http", false, 0, "port 'http': not a number")]
    [InlineData("-1", true, 0, "port '-1': not a number")]
    [InlineData("", false, 0, "port: required")]
    public void PortsAreCheckedAndExplained(string text, bool allowAny, int port, string? problem)
    {
        var ok = FieldParsers.TryPort(text, allowAny, out var parsed, out var error);
        Assert.Equal((problem is null, problem is null ? port : 0, problem), (ok, ok ? parsed : 0, error));
    }

    [Theory]
    [InlineData("example.com", "example.com", null)]
    [InlineData("127.0.0.1", "127.0.0.1", null)]
    [InlineData("[::1]", "::1", null)]
    [InlineData("::1", "::1", null)]
    [InlineData("bad host", null, "host 'bad host': not a host name or IP address")]
    [InlineData("a/b", null, "host 'a/b': not a host name or IP address")]
    [InlineData(" ", null, "host: required")]
    public void HostsMustBeNamesOrAddresses(string text, string? host, string? problem)
    {
        FieldParsers.TryHost(text, out var parsed, out var error);
        Assert.Equal((host, problem), (parsed, error));
    }

    [Theory]
    [InlineData("0.0.0.0", "0.0.0.0", null)]
    [InlineData("[::]", "::", null)]
    [InlineData("localhost", null, "address 'localhost': not an IP address to bind (0.0.0.0 or :: for all)")]
    public void BindAddressesMustBeIpLiterals(string text, string? address, string? problem)
    {
        FieldParsers.TryBindAddress(text, out var parsed, out var error);
        Assert.Equal((address, problem), (parsed, error));
    }
}
