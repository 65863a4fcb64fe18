namespace NetScope.Core.Tls;

/// <summary>The outcome of <see cref="TlsKeyLog.Enable"/>.</summary>
public enum TlsKeyLogStatus
{
    /// <summary>The runtime holds the file open and appends the secrets of every TLS connection from now on.</summary>
    Enabled,

    /// <summary>
    /// The runtime did not open the file: TLS was already used in this process before key logging was
    /// enabled (the runtime decides once), or the file could not be opened for appending.
    /// </summary>
    NotActive,

    /// <summary>The switch is set but the process cannot check the result (no <c>/proc/self/fd</c>).</summary>
    Unverified,
}
