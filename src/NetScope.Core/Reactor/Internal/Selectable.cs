namespace NetScope.Core.Reactor.Internal;

/// <summary>
/// Something the reactor watches for readiness: a connection, a listening port, a connection
/// attempt, the waker. Twisted's <c>FileDescriptor</c> without the buffering.
/// </summary>
internal abstract class Selectable
{
    /// <summary>The socket watched.</summary>
    public abstract ReactorSocket Socket { get; }

    /// <summary>The reactor's registration slot, or -1 when not registered.</summary>
    public int Slot { get; set; } = -1;

    /// <summary>Whether readability is watched (as last registered).</summary>
    public bool WatchRead { get; set; }

    /// <summary>Whether writability is watched (as last registered).</summary>
    public bool WatchWrite { get; set; }

    /// <summary>The socket can be read (or has an error or hang-up to report through a read).</summary>
    public abstract void OnReadable();

    /// <summary>The socket can be written (or has an error to report through a write).</summary>
    public abstract void OnWritable();

    /// <summary>
    /// A callback of this selectable threw: the reactor logged it; end whatever this is with
    /// <paramref name="exception"/> as the reason.
    /// </summary>
    public abstract void OnCallbackFailed(Exception exception);

    /// <summary>What to call it in logs.</summary>
    public abstract string Describe();
}
