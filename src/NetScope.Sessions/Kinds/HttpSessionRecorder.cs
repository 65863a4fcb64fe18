using System.Globalization;
using NetScope.Core.Errors;
using NetScope.Core.Tls;
using NetScope.Core.Transports;
using NetScope.Sessions.Transcripts;
using NetScope.Sessions.Workspaces;
using NetScope.Web.Client;
using NetScope.Web.Http;

namespace NetScope.Sessions.Kinds;

/// <summary>
/// Ties one HTTP request to its session: opens the session with its connection, records the milestones as phase
/// marks, keeps the transcript (heads in full, bodies up to a limit) and ends the session with the request.
/// </summary>
internal sealed class HttpSessionRecorder : IHttpExchangeObserver
{
    private readonly SessionContext _context;
    private readonly int _bodyLimit;
    private readonly IHttpExchangeObserver? _next;
    private readonly Transcript _transcript;
    private bool _responseHeadSeen;
    private long _requestBodyRecorded;
    private long _requestBodySkipped;
    private long _responseBodyRecorded;
    private long _responseBodySkipped;
    private HttpResponseHead? _finalHead;

    public HttpSessionRecorder(SessionContext context, int bodyLimit, IHttpExchangeObserver? next)
    {
        _context = context;
        _bodyLimit = bodyLimit;
        _next = next;
        _transcript = context.Session.Transcript;
    }

    /// <summary>The transport the request went out on, once it has one.</summary>
    public ITransport? Transport { get; private set; }

    public void ConnectionReady(ITransport transport, bool reused)
    {
        Transport = transport;
        if (reused)
        {
            // Its dns and connect belong to the request that opened it: attributing it here would date them before this session.
            _transcript.AddNote($"reusing the kept-alive connection to {Workspace.Describe(transport.GetPeer())}");
        }
        else
        {
            if (transport is ITlsUpgradable { Tls: { } tls })
            {
                // The TLS layer's record, with what the handshake negotiated, for views and snapshots.
                _context.AttachTransport(tls.Stats, () => TlsSessionStarter.Describe(tls));
            }

            if (transport is ITcpTransport tcp)
            {
                _context.SetKernelSource(tcp);
            }
        }

        _context.MarkOpen();
        _next?.ConnectionReady(transport, reused);
    }

    public void PhaseReached(HttpPhase phase, double secondsSinceStart)
    {
        var name = phase switch
        {
            HttpPhase.RequestSent => "request sent",
            HttpPhase.Headers => "headers received",
            HttpPhase.Done => "body received",
            _ => null,
        };
        if (name is not null)
        {
            _context.MarkPhase(name);
        }

        _next?.PhaseReached(phase, secondsSinceStart);
    }

    public void RequestHeadSent(ReadOnlySpan<byte> head)
    {
        // A new request (the one through a tunnel, say): its response's head is still to come.
        _responseHeadSeen = false;
        _transcript.Append(Direction.Sent, head);
        _next?.RequestHeadSent(head);
    }

    public void RequestBodySent(ReadOnlySpan<byte> data)
    {
        _requestBodyRecorded += Record(Direction.Sent, data, _bodyLimit - _requestBodyRecorded, ref _requestBodySkipped);
        _next?.RequestBodySent(data);
    }

    public void ResponseDataReceived(ReadOnlySpan<byte> data)
    {
        if (!_responseHeadSeen)
        {
            // Until the head is parsed everything is recorded, so the head is always there in full.
            _transcript.Append(Direction.Received, data);
        }
        else
        {
            _responseBodyRecorded += Record(Direction.Received, data, _bodyLimit - _responseBodyRecorded, ref _responseBodySkipped);
        }

        _next?.ResponseDataReceived(data);
    }

    public void ResponseHeadReceived(HttpResponseHead head)
    {
        if (!head.IsInformational)
        {
            _responseHeadSeen = true;
            _finalHead = head;
        }

        _next?.ResponseHeadReceived(head);
    }

    public void Finished(Exception? error)
    {
        if (_requestBodySkipped > 0)
        {
            _transcript.AddNote(string.Create(CultureInfo.InvariantCulture, $"request body: {_requestBodySkipped} more bytes sent, not recorded"));
        }

        if (_responseBodySkipped > 0)
        {
            _transcript.AddNote(string.Create(CultureInfo.InvariantCulture, $"response body: {_responseBodySkipped} more bytes received, not recorded"));
        }

        _next?.Finished(error);
        if (error is null)
        {
            var status = _finalHead is { } head ? $"{head.StatusCode} {head.ReasonPhrase}".TrimEnd() : "complete";
            var outcome = $"response complete: {status}";
            _transcript.AddNote(outcome);
            _context.End(new ConnectionDoneException(outcome));
        }
        else
        {
            _transcript.AddNote($"failed: {error.Message}");
            _context.End(error);
        }
    }

    /// <summary>Records what fits in <paramref name="room"/> and counts the rest; returns the bytes recorded.</summary>
    private int Record(Direction direction, ReadOnlySpan<byte> data, long room, ref long skipped)
    {
        var take = (int)Math.Clamp(room, 0, data.Length);
        if (take > 0)
        {
            _transcript.Append(direction, data[..take]);
        }

        skipped += data.Length - take;
        return take;
    }
}
