using NetScope.Core.Errors;

namespace NetScope.Core.Tls;

/// <summary>
/// A connection ended by TLS: a failed handshake, a handshake timeout, a TLS error afterwards, or a peer that
/// closed without close_notify. <see cref="Failure"/> says which (its <see cref="TlsFailure.Kind"/> picks the
/// CLI's exit code); the message is <see cref="TlsFailure.Message"/>.
/// </summary>
/// <remarks>
/// It derives from <see cref="ConnectionLostException"/> so code that only asks "clean or not" keeps working:
/// a TLS failure is never a <see cref="ConnectionDoneException"/>.
/// </remarks>
public sealed class TlsFailureException : ConnectionLostException
{
    /// <summary>Creates the exception for <paramref name="failure"/>; its platform exception (if any) becomes the inner exception.</summary>
    /// <param name="failure">What went wrong.</param>
    public TlsFailureException(TlsFailure failure)
        : base(failure?.Message ?? throw new ArgumentNullException(nameof(failure)), failure.Exception!)
    {
        Failure = failure;
    }

    /// <summary>What went wrong, with the certificates and verification findings when there are any.</summary>
    public TlsFailure Failure { get; }
}
