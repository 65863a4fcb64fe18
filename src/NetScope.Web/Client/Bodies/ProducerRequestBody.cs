using NetScope.Core.Time;

namespace NetScope.Web.Client.Bodies;

/// <summary>A request body written once by a caller's producer.</summary>
internal sealed class ProducerRequestBody : HttpRequestBody
{
    private IHttpBodyProducer? _producer;

    public ProducerRequestBody(IHttpBodyProducer producer)
    {
        _producer = producer ?? throw new ArgumentNullException(nameof(producer));
        Length = producer.Length;
    }

    public override long Length { get; }

    public override bool IsReplayable => false;

    internal override IHttpBodyProducer CreateProducer(IReactorTime clock)
    {
        var producer = _producer ?? throw new InvalidOperationException("This request body comes from a producer and was already sent.");
        _producer = null;
        return producer;
    }
}
