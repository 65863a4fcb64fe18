using System.Net.Sockets;
using System.Runtime.InteropServices;
using NetScope.Core.Internal.Linux;

namespace NetScope.Core.Tests.Internal.Linux;

public sealed class ErrnoTests
{
    // Theory parameters are ints: the test class is public and Errno is internal.
    public static TheoryData<int> AllErrors() => new(Enum.GetValues<Errno>().Where(e => e != Errno.None).Select(e => (int)e));

    [Theory]
    [MemberData(nameof(AllErrors))]
    public void MessageIsTheCLibrarysTextInLowerCase(int value)
    {
        var errno = (Errno)value;

        // strerror agreeing on the text also proves the enum has the right number for the name.
        string libc = Marshal.GetPInvokeErrorMessage((int)errno).ToLowerInvariant();

        Assert.Equal(libc, errno.ToMessage());
    }

    [Theory]
    [InlineData((int)Errno.None, SocketError.Success)]
    [InlineData((int)Errno.EAGAIN, SocketError.WouldBlock)]
    [InlineData((int)Errno.EINTR, SocketError.Interrupted)]
    [InlineData((int)Errno.EINPROGRESS, SocketError.InProgress)]
    [InlineData((int)Errno.ECONNREFUSED, SocketError.ConnectionRefused)]
    [InlineData((int)Errno.ECONNRESET, SocketError.ConnectionReset)]
    [InlineData((int)Errno.EPIPE, SocketError.Shutdown)]
    [InlineData((int)Errno.ETIMEDOUT, SocketError.TimedOut)]
    [InlineData((int)Errno.ENETUNREACH, SocketError.NetworkUnreachable)]
    [InlineData((int)Errno.EHOSTUNREACH, SocketError.HostUnreachable)]
    [InlineData((int)Errno.EADDRINUSE, SocketError.AddressAlreadyInUse)]
    [InlineData((int)Errno.EADDRNOTAVAIL, SocketError.AddressNotAvailable)]
    [InlineData((int)Errno.EACCES, SocketError.AccessDenied)]
    [InlineData((int)Errno.EMFILE, SocketError.TooManyOpenSockets)]
    [InlineData((int)Errno.ENFILE, SocketError.TooManyOpenSockets)]
    [InlineData((int)Errno.ENOBUFS, SocketError.NoBufferSpaceAvailable)]
    [InlineData((int)Errno.ENOTCONN, SocketError.NotConnected)]
    [InlineData((int)Errno.EBUSY, SocketError.SocketError)]
    public void MapsToTheSocketErrorDotNetReports(int errno, SocketError expected)
    {
        Assert.Equal(expected, ((Errno)errno).ToSocketError());
    }

    [Fact]
    public void EveryKnownErrnoHasAMessageWithoutANumber()
    {
        Assert.All(Enum.GetValues<Errno>(), e => Assert.DoesNotContain("unknown", e.ToMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownErrnoGetsANumberedMessageAndTheGenericSocketError()
    {
        var unknown = (Errno)4242;

        Assert.Equal("unknown error 4242", unknown.ToMessage());
        Assert.Equal(SocketError.SocketError, unknown.ToSocketError());
    }

    [Fact]
    public void ExceptionNamesTheCallTheMessageAndTheErrno()
    {
        IOException exception = Errno.EMFILE.ToException("epoll_create1");

        Assert.Equal("epoll_create1: too many open files (EMFILE)", exception.Message);
        Assert.Equal(24, exception.HResult);
    }

    [Fact]
    public void SysResultDescribesItself()
    {
        Assert.Equal("17", new SysResult(17).ToString());
        Assert.Equal("EAGAIN (resource temporarily unavailable)", SysResult.Failure(Errno.EAGAIN).ToString());
    }
}
