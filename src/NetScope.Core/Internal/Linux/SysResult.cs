using System.Diagnostics;
using System.Globalization;

namespace NetScope.Core.Internal.Linux;

/// <summary>
/// What a system call returned: a non-negative <see cref="Value"/> (a byte count or a new
/// descriptor) or an <see cref="Error"/>. Returned instead of throwing, so the reactor's hot path
/// handles <see cref="Errno.EAGAIN"/> with a comparison, not an exception.
/// </summary>
internal readonly struct SysResult
{
    /// <summary>A successful result.</summary>
    /// <param name="value">The non-negative value the call returned.</param>
    public SysResult(int value)
    {
        Value = value;
        Error = Errno.None;
    }

    private SysResult(Errno error)
    {
        Value = 0;
        Error = error;
    }

    /// <summary>The byte count or descriptor; 0 when the call failed.</summary>
    public int Value { get; }

    /// <summary>Why the call failed; <see cref="Errno.None"/> when it succeeded.</summary>
    public Errno Error { get; }

    /// <summary>True when the call succeeded (a receive of 0 bytes is end of stream, and succeeds).</summary>
    public bool IsSuccess => Error == Errno.None;

    /// <summary>True when the call failed only because the kernel is not ready (<see cref="Errno.EAGAIN"/>).</summary>
    public bool WouldBlock => Error == Errno.EAGAIN;

    /// <summary>A failed result.</summary>
    /// <param name="error">Why it failed; must not be <see cref="Errno.None"/>.</param>
    public static SysResult Failure(Errno error)
    {
        Debug.Assert(error != Errno.None, "a failure needs an errno");
        return new(error);
    }

    /// <summary>The value, or the errno's name and message, for logs and test output.</summary>
    public override string ToString() =>
        IsSuccess ? Value.ToString(CultureInfo.InvariantCulture) : $"{Error} ({Error.ToMessage()})";
}
