using System.Net;
using System.Runtime.ExceptionServices;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Reactor;

namespace NetScope.Testing.Loopback;

/// <summary>
/// Runs a server protocol and a client protocol against each other over real TCP on loopback,
/// on a fresh reactor of their own (Twisted's <c>runProtocolsWithReactor</c>): the way to test
/// a protocol against the real network path (kernel buffers, partial reads, FIN and RST) after
/// its logic has been tested with <see cref="StringTransport"/> or <see cref="ConnectedPair"/>.
/// </summary>
/// <example>
/// <code>
/// var client = new GreetingClient();
/// var result = LoopbackRun.RunProtocols(new EchoProtocol(), client);
/// Assert.Equal("hello", client.Echoed);
/// Assert.True(result.ClientLostReason!.Check&lt;ConnectionDoneException&gt;());
/// </code>
/// </example>
public static class LoopbackRun
{
    /// <summary>How long a run may take by default before it is crashed and reported as hung.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Listens on 127.0.0.1 on a port the kernel picks, connects <paramref name="client"/> to
    /// it, accepts one connection for <paramref name="server"/>, and runs the reactor until both
    /// protocols have been told their connection is lost (a protocol ends the run by closing
    /// its transport). Every protocol callback runs on the run's reactor thread.
    /// </summary>
    /// <param name="server">The protocol given the accepted connection.</param>
    /// <param name="client">The protocol given the connecting side.</param>
    /// <param name="kind">Which reactor implementation to run on; the platform's default when null.</param>
    /// <param name="limit">How long the run may take; <see cref="DefaultLimit"/> when null.</param>
    /// <returns>How each side's connection ended, and the addresses involved.</returns>
    /// <exception cref="TimeoutException">The connection was still open when <paramref name="limit"/> passed.</exception>
    /// <exception cref="LoopbackConnectException">The client could not connect.</exception>
    public static LoopbackRunResult RunProtocols(IProtocol server, IProtocol client, ReactorKind? kind = null, TimeSpan? limit = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        var reactor = kind is { } chosen ? Reactors.Create(chosen) : Reactors.Create();
        var serverSide = LossRecorder.Wrap(server);
        var clientSide = LossRecorder.Wrap(client);
        Failure? connectFailure = null;
        EndPoint? listeningAddress = null;
        ExceptionDispatchInfo? thrown = null;

        void Start()
        {
            var accepted = false;
            var port = reactor.ListenTcp(0, Factory.ForProtocol(() => accepted ? throw new InvalidOperationException("A second connection reached a one-connection loopback run.") : Accept()), bindAddress: "127.0.0.1");
            listeningAddress = port.GetHost();
            var connectFactory = new OneShotClientFactory(clientSide, reason =>
            {
                connectFailure = reason;
                port.StopListening();
                reactor.Stop();
            });
            reactor.ConnectTcp("127.0.0.1", ((IPEndPoint)listeningAddress).Port, connectFactory, timeoutSeconds: limit?.TotalSeconds ?? DefaultLimit.TotalSeconds);
            new DeferredList([serverSide.Lost, clientSide.Lost]).AddBoth(_ =>
            {
                port.StopListening();
                reactor.Stop();
                return null;
            });

            IProtocol Accept()
            {
                accepted = true;
                return serverSide.Protocol;
            }
        }

        var thread = new Thread(() =>
        {
            reactor.CallWhenRunning(() =>
            {
                try
                {
                    Start();
                }
                catch (Exception exception)
                {
                    thrown = ExceptionDispatchInfo.Capture(exception);
                    reactor.Crash();
                }
            });
            try
            {
                reactor.Run();
            }
            catch (Exception exception)
            {
                thrown ??= ExceptionDispatchInfo.Capture(exception);
            }
        })
        {
            IsBackground = true,
            Name = $"LoopbackRun {reactor.Name} reactor",
        };
        thread.Start();
        var bound = limit ?? DefaultLimit;
        if (!thread.Join(bound))
        {
            reactor.CallFromThread(reactor.Crash);
            thread.Join(TimeSpan.FromSeconds(5));
            throw new TimeoutException($"The loopback run was still connected after {bound.TotalSeconds:0.###} s: neither protocol closed its connection.");
        }

        thrown?.Throw();
        if (connectFailure is not null)
        {
            throw new LoopbackConnectException(connectFailure);
        }

        return new LoopbackRunResult(serverSide.Reason!, clientSide.Reason!, (IPEndPoint)listeningAddress!);
    }
}
