using System.Globalization;
using System.Net;
using System.Text.Json;
using NetScope.Core.Transports;
using NetScope.Sessions.Listeners;

namespace NetScope.Cli.Listeners;

/// <summary>
/// Prints what a listener does on stdout, one line per event: the bound address first, then
/// each connection opening and closing with its byte counts; as JSON lines with <c>--json</c>.
/// </summary>
internal sealed class ListenerOutput : IListenerObserver
{
    private readonly TextWriter _out;
    private readonly bool _json;
    private readonly bool _connections;
    private readonly bool _requests;

    /// <summary>
    /// Prints on <paramref name="output"/>; <paramref name="connections"/> also prints each
    /// connection opening and closing, <paramref name="requests"/> each HTTP request.
    /// </summary>
    public ListenerOutput(TextWriter output, bool json, bool connections = true, bool requests = true)
    {
        _out = output;
        _json = json;
        _connections = connections;
        _requests = requests;
    }

    /// <summary>The first line: where the listener is, so a script can read the port.</summary>
    public void Listening(string kind, IPEndPoint bound, string? framing, string? detail)
    {
        if (_json)
        {
            Write(w =>
            {
                w.WriteString("event", "listening");
                w.WriteString("kind", kind);
                w.WriteString("host", bound.Address.ToString());
                w.WriteNumber("port", bound.Port);
                w.WriteString("address", Format(bound));
                if (framing is not null)
                {
                    w.WriteString("framing", framing);
                }

                if (detail is not null)
                {
                    w.WriteString("detail", detail);
                }
            });
            return;
        }

        var details = string.Join(", ", new[] { kind, framing, detail }.Where(part => part is not null));
        _out.WriteLine($"listening on {Format(bound)} ({details})");
    }

    public void ConnectionOpened(long id, EndPoint peer, TransportStats stats)
    {
        if (!_connections)
        {
            return;
        }

        if (_json)
        {
            Write(w =>
            {
                w.WriteString("event", "open");
                w.WriteNumber("id", id);
                w.WriteString("peer", Format(peer));
            });
            return;
        }

        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"#{id} open {Format(peer)}"));
    }

    public void ConnectionRefused(EndPoint peer, string reason)
    {
        if (_json)
        {
            Write(w =>
            {
                w.WriteString("event", "refused");
                w.WriteString("peer", Format(peer));
                w.WriteString("reason", reason);
            });
            return;
        }

        _out.WriteLine($"refused {Format(peer)}: {reason}");
    }

    public void ConnectionClosed(long id, EndPoint peer, TransportStats stats, double seconds, string reason)
    {
        if (!_connections)
        {
            return;
        }

        if (_json)
        {
            Write(w =>
            {
                w.WriteString("event", "close");
                w.WriteNumber("id", id);
                w.WriteString("peer", Format(peer));
                w.WriteNumber("bytes_in", stats.BytesReceived);
                w.WriteNumber("bytes_out", stats.BytesSent);
                w.WriteNumber("seconds", Math.Round(seconds, 6));
                w.WriteString("reason", reason);
            });
            return;
        }

        _out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"#{id} close {Format(peer)} in={stats.BytesReceived} out={stats.BytesSent} {seconds:0.000}s: {reason}"));
    }

    /// <summary>One access-log line of an HTTP listener.</summary>
    public void Request(NetScope.Web.Server.HttpAccessLogEntry entry)
    {
        if (!_requests)
        {
            return;
        }

        if (_json)
        {
            Write(w =>
            {
                w.WriteString("event", "request");
                w.WriteString("client", Format(entry.Client));
                if (entry.Method is not null)
                {
                    w.WriteString("method", entry.Method);
                    w.WriteString("target", entry.Target);
                }

                w.WriteNumber("status", entry.StatusCode);
                w.WriteNumber("body_bytes", entry.BodyBytes);
                w.WriteNumber("seconds", Math.Round(entry.Duration.TotalSeconds, 6));
                w.WriteBoolean("completed", entry.Completed);
            });
            return;
        }

        _out.WriteLine(entry.ToString());
    }

    private static string Format(EndPoint endpoint) => endpoint switch
    {
        IPEndPoint { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } v6 => $"[{v6.Address}]:{v6.Port}",
        IPEndPoint v4 => $"{v4.Address}:{v4.Port}",
        _ => endpoint.ToString() ?? "?",
    };

    private void Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        _out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
