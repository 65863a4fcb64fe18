using NetScope.Core.Defer;
using NetScope.Core.Transports;

namespace NetScope.Web.Client.Bodies;

/// <summary>Reads a body only to get rid of it (a redirect's), so its connection can be reused; a long one is abandoned.</summary>
internal sealed class BodyDiscarder : IHttpBodyConsumer
{
    private readonly long _limit;
    private IPushProducer? _producer;
    private long _seen;

    public BodyDiscarder(long limit)
    {
        _limit = limit;
        Done = new Deferred(_ => _producer?.StopProducing()).WithLabel("discard body");
    }

    public Deferred Done { get; }

    public void BodyStarted(IPushProducer producer) => _producer = producer;

    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        _seen += data.Length;
        if (_seen > _limit)
        {
            // Not worth reading: dropping the connection is cheaper.
            _producer?.StopProducing();
        }
    }

    public void BodyFinished(Exception? error)
    {
        if (!Done.Called)
        {
            Done.Callback(null);
        }
    }
}
