using NetScope.Core.Transports;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>A push producer that only records what the transport asks of it.</summary>
internal sealed class RecordingPushProducer : IPushProducer
{
    public List<string> Calls { get; } = new();

    public void PauseProducing() => Calls.Add("pause");

    public void ResumeProducing() => Calls.Add("resume");

    public void StopProducing() => Calls.Add("stop");
}
