using NetScope.Core.Defer;

namespace NetScope.Core.Reactor.Internal;

/// <content>The reactor's own part of "shutdown": stop listening, close connections with a grace period.</content>
internal abstract partial class ReactorBase
{
    private Deferred? _allConnectionsClosed;

    private object? ShutDownNetwork()
    {
        var done = new Deferred();
        foreach (var connector in _connectors.ToArray())
        {
            connector.StopConnecting();
        }

        var stopped = _ports.ToArray().Select(port => port.StopListening()).ToList();
        new DeferredList(stopped, consumeErrors: true).AddBoth(_ =>
        {
            CloseConnectionsGracefully(done);
            return null;
        });
        return done;
    }

    private void CloseConnectionsGracefully(Deferred done)
    {
        if (_connections.Count == 0)
        {
            done.Callback(null);
            return;
        }

        _allConnectionsClosed = done;
        foreach (var connection in _connections.ToArray())
        {
            connection.LoseConnection();
        }

        var grace = Options.ShutdownGracePeriod.TotalSeconds;
        var timer = CallLater(grace, () =>
        {
            if (done.Called)
            {
                return;
            }

            ReactorLog.AbortingAfterGrace(Logger, _connections.Count, grace);
            foreach (var connection in _connections.ToArray())
            {
                connection.AbortConnection();
            }
        });
        done.AddBoth(result =>
        {
            if (timer.Active())
            {
                timer.Cancel();
            }

            return result;
        });
    }
}
