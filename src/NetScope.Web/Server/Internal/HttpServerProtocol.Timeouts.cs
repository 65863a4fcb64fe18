using NetScope.Core.Time;

namespace NetScope.Web.Server.Internal;

/// <summary>
/// One deadline per connection: the head must arrive within <see cref="SiteOptions.HeaderTimeout"/> of its first
/// byte, a body must not pause longer than <see cref="SiteOptions.IdleTimeout"/>, and a kept-alive connection
/// may idle that long. A single timer is moved lazily: moving the deadline later is a field write, and the timer,
/// when it fires early, re-arms itself for the current deadline.
/// </summary>
internal sealed partial class HttpServerProtocol
{
    // Clock readings are doubles: a timer may fire a hair before the deadline it was set for.
    private const double Tolerance = 1e-6;

    private double _deadline = double.PositiveInfinity;
    private WaitKind _waiting = WaitKind.Nothing;
    private IDelayedCall? _timer;

    private enum WaitKind
    {
        Nothing,
        NextRequest,
        Head,
        Body,
    }

    /// <summary>Sets the deadline for what the connection waits for now.</summary>
    private void UpdateDeadline(double now)
    {
        if (_closing || _lost)
        {
            return;
        }

        if (_current is not null)
        {
            // The server is answering: its own slowness is not the client's fault.
            ClearDeadline();
        }
        else if (_receiving is not null)
        {
            SetDeadline(WaitKind.Body, now + _options.IdleTimeout.TotalSeconds, now);
        }
        else if (_parser.IsMessageInProgress)
        {
            if (_waiting != WaitKind.Head)
            {
                SetDeadline(WaitKind.Head, now + _options.HeaderTimeout.TotalSeconds, now);
            }
        }
        else if (_waiting != WaitKind.NextRequest)
        {
            // A new connection gets the head timeout (408 if nothing comes); a kept-alive one may idle longer.
            var timeout = _served == 0 ? _options.HeaderTimeout : _options.IdleTimeout;
            SetDeadline(WaitKind.NextRequest, now + timeout.TotalSeconds, now);
        }
    }

    /// <summary>The server is answering: nothing is awaited from the client until the answer is done.</summary>
    private void ClearDeadline()
    {
        _waiting = WaitKind.Nothing;
        _deadline = double.PositiveInfinity;
    }

    private void SetDeadline(WaitKind waiting, double deadline, double now)
    {
        _waiting = waiting;
        _deadline = deadline;
        if (double.IsPositiveInfinity(deadline))
        {
            return;
        }

        if (_timer is null || !_timer.Active())
        {
            _timer = _site.Clock.CallLater(Math.Max(0, deadline - now), OnTimer);
        }
        else if (_timer.GetTime() > deadline)
        {
            _timer.Reset(Math.Max(0, deadline - now));
        }
    }

    private void OnTimer()
    {
        _timer = null;
        if (_closing || _lost || double.IsPositiveInfinity(_deadline))
        {
            return;
        }

        var now = _site.Clock.Seconds();
        if (now + Tolerance < _deadline)
        {
            _timer = _site.Clock.CallLater(_deadline - now, OnTimer);
            return;
        }

        switch (_waiting)
        {
            case WaitKind.NextRequest when _served > 0:
                CloseGracefully();
                break;
            case WaitKind.Body when _receiving is { } request:
                _stopReading = true;
                _receiving = null;
                _current = request;
                _served++;
                request.RespondWithError(408, "The request body stopped arriving.");
                break;
            default:
                RespondWithoutRequest(408, "The request head did not arrive in time.");
                break;
        }
    }

    private void CancelTimers()
    {
        _deadline = double.PositiveInfinity;
        _waiting = WaitKind.Nothing;
        if (_timer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        _timer = null;
        if (_lingerTimer is { } linger && linger.Active())
        {
            linger.Cancel();
        }

        _lingerTimer = null;
    }
}
