using NetScope.Core.Transports;
using NetScope.Web.Client;

namespace NetScope.Tui.Model;

/// <summary>Reads a response body to its end and keeps none of it (the session's transcript has recorded what it keeps).</summary>
internal sealed class BodyDrain : IHttpBodyConsumer
{
    /// <inheritdoc/>
    public void BodyStarted(IPushProducer producer)
    {
    }

    /// <inheritdoc/>
    public void BodyReceived(ReadOnlySpan<byte> data)
    {
    }

    /// <inheritdoc/>
    public void BodyFinished(Exception? error)
    {
    }
}
