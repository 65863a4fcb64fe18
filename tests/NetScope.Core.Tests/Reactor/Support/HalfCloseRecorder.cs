using NetScope.Core.Protocols;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>A <see cref="Recorder"/> that accepts half-closed connections and records both halves ending.</summary>
internal sealed class HalfCloseRecorder : Recorder, IHalfCloseableProtocol
{
    public Action<HalfCloseRecorder>? OnReadLost { get; set; }

    public Action<HalfCloseRecorder>? OnWriteLost { get; set; }

    public void ReadConnectionLost()
    {
        CheckThread();
        Events.Add("read lost");
        OnReadLost?.Invoke(this);
    }

    public void WriteConnectionLost()
    {
        CheckThread();
        Events.Add("write lost");
        OnWriteLost?.Invoke(this);
    }
}
