using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>The ClientHello and ServerHello fields the engine reports, parsed from hand-built messages.</summary>
public sealed class HelloParsingTests
{
    private static readonly byte[] Random = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

    [Fact]
    public void AClientHelloReportsItsServerNameAlpnAndResumptionOffers()
    {
        var hello = ClientHello(Extensions(
            Extension(0, [0x00, 0x0e, 0x00, 0x00, 0x0b, .. "example.org"u8]),
            Extension(16, [0x00, 0x0c, 0x02, .. "h2"u8, 0x08, .. "http/1.1"u8]),
            Extension(35, [0xaa]),
            Extension(41, [])));

        var info = ClientHelloInfo.Parse(hello);

        Assert.NotNull(info);
        Assert.Equal("example.org", info.ServerName);
        Assert.Equal(["h2", "http/1.1"], info.ApplicationProtocols);
        Assert.True(info.OffersSessionTicket);
        Assert.True(info.OffersPreSharedKey);
        Assert.Equal(Random, info.Random);
    }

    [Fact]
    public void AClientHelloWithoutAnExtensionsBlockHasNoExtensions()
    {
        var info = ClientHelloInfo.Parse(ClientHello([]));

        Assert.NotNull(info);
        Assert.Null(info.ServerName);
        Assert.Empty(info.ApplicationProtocols);
        Assert.False(info.OffersSessionTicket);
        Assert.False(info.OffersPreSharedKey);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 })]
    [InlineData(new byte[] { 0x00, 0x05, 0x00, 0x10 })]
    [InlineData(new byte[] { 0x00, 0x03, 0x00, 0x10, 0x00 })]
    [InlineData(new byte[] { 0x00, 0x04, 0x00, 0x10, 0x00, 0x01 })]
    public void AHelloWhoseExtensionsAreCutShortIsRefused(byte[] extensions)
    {
        Assert.Null(ClientHelloInfo.Parse(ClientHello(extensions)));
        Assert.Null(ServerHelloInfo.Parse(ServerHello(extensions)));
    }

    [Fact]
    public void AServerHelloReportsTheSelectedVersionAlpnAndPreSharedKey()
    {
        var hello = ServerHello(Extensions(
            Extension(43, [0x03, 0x04]),
            Extension(41, [0x00, 0x00]),
            Extension(16, [0x00, 0x03, 0x02, .. "h2"u8])));

        var info = ServerHelloInfo.Parse(hello);

        Assert.NotNull(info);
        Assert.Equal(0x0304, info.Version);
        Assert.True(info.AcceptedPreSharedKey);
        Assert.Equal("h2", info.ApplicationProtocol);
        Assert.Equal(0x1301, info.CipherSuite);
        Assert.False(info.IsHelloRetryRequest);
    }

    [Fact]
    public void AServerHelloWithoutExtensionsKeepsItsLegacyVersion()
    {
        var info = ServerHelloInfo.Parse(ServerHello([]));

        Assert.NotNull(info);
        Assert.Equal(0x0303, info.Version);
        Assert.False(info.AcceptedPreSharedKey);
        Assert.Null(info.ApplicationProtocol);
    }

    private static byte[] ClientHello(byte[] extensions) =>
        [0x03, 0x03, .. Random, 0x00, 0x00, 0x02, 0x13, 0x01, 0x01, 0x00, .. extensions];

    private static byte[] ServerHello(byte[] extensions) =>
        [0x03, 0x03, .. Random, 0x00, 0x13, 0x01, 0x00, .. extensions];

    private static byte[] Extensions(params byte[][] entries)
    {
        var body = entries.SelectMany(entry => entry).ToArray();
        return [(byte)(body.Length >> 8), (byte)body.Length, .. body];
    }

    private static byte[] Extension(ushort type, byte[] data) =>
        [(byte)(type >> 8), (byte)type, (byte)(data.Length >> 8), (byte)data.Length, .. data];
}
