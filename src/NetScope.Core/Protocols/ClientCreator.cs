using System.Net;
using NetScope.Core.Defer;
using NetScope.Core.Reactor;
using NetScope.Core.Time;

namespace NetScope.Core.Protocols;

/// <summary>
/// Connects one protocol without writing a factory (Twisted's <c>ClientCreator</c>): the
/// Deferred fires with the connected protocol, or fails with the typed connect error
/// (<see cref="Errors.ConnectionRefusedException"/>, <see cref="Errors.ConnectTimeoutException"/>,
/// <see cref="Errors.HostNotFoundException"/>, ...).
/// </summary>
/// <remarks>
/// As in Twisted, the Deferred fires in a zero-delay call after the connection is made (the
/// protocol's <c>ConnectionMade</c> has run by then). Cancelling it stops the attempt, or drops
/// the connection if it was made in the meantime, and fails it with
/// <see cref="CancelledException"/>.
/// </remarks>
public sealed class ClientCreator
{
    private readonly IReactor _reactor;
    private readonly Func<IProtocol> _build;

    /// <summary>Creates a client creator that connects protocols built by <paramref name="build"/> through <paramref name="reactor"/>.</summary>
    public ClientCreator(IReactor reactor, Func<IProtocol> build)
    {
        _reactor = reactor ?? throw new ArgumentNullException(nameof(reactor));
        _build = build ?? throw new ArgumentNullException(nameof(build));
    }

    /// <summary>Connects a new protocol to <paramref name="host"/>:<paramref name="port"/> (arguments as for <see cref="IReactorTcp.ConnectTcp"/>).</summary>
    public Deferred<IProtocol> ConnectTcp(string host, int port, double timeoutSeconds = 30, IPEndPoint? bindAddress = null)
    {
        IConnector? connector = null;
        InstanceFactory? factory = null;
        var result = new Deferred<IProtocol>(_ =>
        {
            connector?.Disconnect();
            factory?.CancelPending();
        });

        try
        {
            factory = new InstanceFactory(_reactor, _build(), result);
            connector = _reactor.ConnectTcp(host, port, factory, timeoutSeconds, bindAddress);
        }
        catch (Exception exception)
        {
            if (!result.Called)
            {
                result.Errback(exception);
            }
        }

        return result;
    }

    /// <summary>Hands out the one protocol instance and fires the Deferred a moment later (Twisted's <c>_InstanceFactory</c>).</summary>
    private sealed class InstanceFactory : ClientFactory
    {
        private readonly IReactor _reactor;
        private readonly IProtocol _instance;
        private Deferred<IProtocol>? _deferred;
        private IDelayedCall? _pending;

        public InstanceFactory(IReactor reactor, IProtocol instance, Deferred<IProtocol> deferred)
        {
            _reactor = reactor;
            _instance = instance;
            _deferred = deferred;
        }

        public override IProtocol? BuildProtocol(EndPoint address)
        {
            var deferred = _deferred;
            _deferred = null;
            if (deferred is not null)
            {
                Fire(() => deferred.Callback(_instance), deferred);
            }

            return _instance;
        }

        public override void ClientConnectionFailed(IConnector connector, Failure reason)
        {
            var deferred = _deferred;
            _deferred = null;
            if (deferred is not null)
            {
                Fire(() => deferred.Errback(reason), deferred);
            }
        }

        public void CancelPending()
        {
            if (_pending is { } pending && pending.Active())
            {
                pending.Cancel();
            }

            _pending = null;
        }

        private void Fire(Action fire, Deferred deferred) =>
            _pending = _reactor.CallLater(0, () =>
            {
                _pending = null;
                if (!deferred.Called)
                {
                    fire();
                }
            });
    }
}
