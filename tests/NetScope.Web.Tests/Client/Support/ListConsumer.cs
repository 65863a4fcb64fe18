using System.Text;
using NetScope.Core.Transports;
using NetScope.Web.Client;

namespace NetScope.Web.Tests.Client.Support;

/// <summary>A body consumer that records each piece and the end, and can pause itself.</summary>
internal sealed class ListConsumer : IHttpBodyConsumer
{
    public IPushProducer? Producer { get; private set; }

    public List<string> Events { get; } = [];

    public StringBuilder Body { get; } = new();

    public bool PauseOnData { get; set; }

    public void BodyStarted(IPushProducer producer)
    {
        Producer = producer;
        Events.Add("started");
    }

    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        var text = Encoding.Latin1.GetString(data);
        Body.Append(text);
        Events.Add($"data {text}");
        if (PauseOnData)
        {
            Producer!.PauseProducing();
        }
    }

    public void BodyFinished(Exception? error) => Events.Add(error is null ? "finished" : $"failed {error.GetType().Name}: {error.Message}");
}
