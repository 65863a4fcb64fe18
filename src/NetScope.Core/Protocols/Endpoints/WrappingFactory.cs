using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Errors;

namespace NetScope.Core.Protocols.Endpoints;

/// <summary>
/// Wraps a factory for a client endpoint (Twisted's <c>_WrappingFactory</c>): each protocol
/// it builds is wrapped so that <see cref="OnConnection"/> fires when it is connected, and a
/// failed attempt fails it.
/// </summary>
internal sealed class WrappingFactory : ClientFactory
{
    private readonly IProtocolFactory _wrapped;
    private IConnector? _connector;

    public WrappingFactory(IProtocolFactory wrapped)
    {
        _wrapped = wrapped;
        OnConnection = new Deferred<IProtocol>(Cancel);
    }

    /// <summary>Fires with the wrapped protocol once connected, or fails.</summary>
    public Deferred<IProtocol> OnConnection { get; }

    public override void StartedConnecting(IConnector connector) => _connector = connector;

    public override IProtocol? BuildProtocol(EndPoint address)
    {
        IProtocol? protocol;
        try
        {
            protocol = _wrapped.BuildProtocol(address);
        }
        catch (Exception exception)
        {
            FailOnce(new Failure(exception));
            return null;
        }

        if (protocol is null)
        {
            FailOnce(new Failure(new ConnectException($"connect {address}: {_wrapped.GetType().Name} refused to build a protocol")));
            return null;
        }

        return protocol is IHalfCloseableProtocol
            ? new HalfCloseableWrappingProtocol(OnConnection, protocol)
            : new WrappingProtocol(OnConnection, protocol);
    }

    public override void ClientConnectionFailed(IConnector connector, Failure reason) => FailOnce(reason);

    // The connector starts and stops this factory once per attempt; pass that on.
    protected override void StartFactory() => _wrapped.DoStart();

    protected override void StopFactory() => _wrapped.DoStop();

    private void FailOnce(Failure reason)
    {
        if (!OnConnection.Called)
        {
            OnConnection.Errback(reason);
        }
    }

    private void Cancel(Deferred deferred)
    {
        var destination = _connector?.GetDestination().ToString() ?? "the endpoint";
        deferred.Errback(new ConnectingCancelledException($"connect {destination}: cancelled"));
        _connector?.StopConnecting();
    }
}
