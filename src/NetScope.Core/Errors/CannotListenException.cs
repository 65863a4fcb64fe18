using System.Net.Sockets;

namespace NetScope.Core.Errors;

/// <summary>A port could not be opened for listening (Twisted's <c>CannotListenError</c>).</summary>
public class CannotListenException : NetworkException
{
    /// <summary>Creates the exception for <paramref name="address"/> with the socket error that caused it.</summary>
    public CannotListenException(string address, SocketError error, string reason)
        : base($"cannot listen on {address}: {reason}")
    {
        Address = address;
        Error = error;
    }

    /// <summary>Creates the exception with the default message.</summary>
    public CannotListenException()
        : base("cannot listen")
    {
        Address = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public CannotListenException(string message)
        : base(message)
    {
        Address = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/> and an inner exception.</summary>
    public CannotListenException(string message, Exception innerException)
        : base(message, innerException)
    {
        Address = string.Empty;
    }

    /// <summary>The address that could not be bound, as given.</summary>
    public string Address { get; }

    /// <summary>The underlying socket error (<see cref="SocketError.AddressAlreadyInUse"/>, <see cref="SocketError.AccessDenied"/>, ...).</summary>
    public SocketError Error { get; }
}
