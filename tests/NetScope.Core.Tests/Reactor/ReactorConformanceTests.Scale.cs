using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetScope.Core.Defer;
using NetScope.Core.Protocols;
using NetScope.Core.Tests.Reactor.Support;

namespace NetScope.Core.Tests.Reactor;

/// <content>Many connections at once.</content>
public abstract partial class ReactorConformanceTests
{
    [Fact]
    public void ThousandConcurrentConnectionsEachEchoTheirOwnMessage()
    {
        // Both ends of every connection live in this process: about 2,000 descriptors, more
        // than the common default soft limit of 1,024. The .NET runtime raises the soft limit
        // to the hard limit when it starts, so `ulimit -Hn` must allow it.
        const int Connections = 1000;
        AssertDescriptorLimitAtLeast(2 * Connections + 100);
        const int Batch = 100;
        var reactor = CreateReactor();
        var clients = new Recorder[Connections];
        var messages = new string[Connections];
        var serversOpen = 0;
        var mostServersOpen = 0;
        var serverReasons = new List<string>();
        var echoed = 0;
        RunReactor(reactor, TimeSpan.FromSeconds(40), r =>
        {
            var factory = new Factory(() => new Recorder
            {
                Reactor = r,
                OnMade = _ => mostServersOpen = Math.Max(mostServersOpen, ++serversOpen),
                OnData = (s, data) => s.Transport.Write(data),
                OnLost = (_, reason) =>
                {
                    serversOpen--;
                    serverReasons.Add(reason.Type.Name);
                },
            });

            // A backlog above the number of clients, so no SYN is dropped while the loop is busy connecting.
            var port = r.ListenTcp(0, factory, backlog: 2048, bindAddress: "127.0.0.1");
            var allEchoed = new Deferred();
            for (var i = 0; i < Connections; i++)
            {
                messages[i] = string.Create(CultureInfo.InvariantCulture, $"client {i:D4}: {new string((char)('a' + (i % 26)), i % 97)}|");
                var message = Encoding.ASCII.GetBytes(messages[i]);
                clients[i] = new Recorder { Reactor = r, OnMade = c => c.Transport.Write(message) };
                clients[i].WhenReceived(message.Length).AddCallback(_ =>
                {
                    if (++echoed == Connections)
                    {
                        allEchoed.Callback(null);
                    }

                    return null;
                });
            }

            void ConnectBatch(int first)
            {
                for (var i = first; i < Math.Min(first + Batch, Connections); i++)
                {
                    var client = clients[i];
                    r.ConnectTcp("127.0.0.1", Loopback.PortOf(port), new RecordingClientFactory(() => client), 10);
                }

                if (first + Batch < Connections)
                {
                    r.CallLater(0, () => ConnectBatch(first + Batch));
                }
            }

            ConnectBatch(0);

            // Every connection stays open until all have echoed, so all 1,000 are open at once.
            allEchoed.AddCallback(_ =>
            {
                foreach (var client in clients)
                {
                    client.Transport.LoseConnection();
                }

                return new DeferredList(clients.Select(c => c.Lost));
            }).AddCallback(_ =>
            {
                port.StopListening();
                r.Stop();
                return null;
            });
        });

        Assert.Equal(Connections, mostServersOpen);
        for (var i = 0; i < Connections; i++)
        {
            Assert.Equal(messages[i], clients[i].ReceivedText);
            Assert.Equal(["made", "lost: ConnectionDoneException"], clients[i].Events);
        }

        Assert.Equal(Enumerable.Repeat("ConnectionDoneException", Connections), serverReasons);
    }

    private static void AssertDescriptorLimitAtLeast(int needed)
    {
        if (!File.Exists("/proc/self/limits"))
        {
            return;
        }

        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var soft = Regex.Match(line, @"Max open files\s+(\S+)").Groups[1].Value;
        if (soft != "unlimited")
        {
            Assert.True(
                int.Parse(soft, CultureInfo.InvariantCulture) >= needed,
                $"This test needs {needed} file descriptors but the limit is {soft}: raise it with `ulimit -n {needed}` (and `ulimit -Hn`) before `dotnet test`.");
        }
    }
}
