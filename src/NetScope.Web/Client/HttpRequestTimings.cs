namespace NetScope.Web.Client;

/// <summary>
/// When each <see cref="HttpPhase"/> of one request was reached, in seconds since the request started
/// (the reactor's clock): curl's <c>time_namelookup</c>, <c>time_connect</c>, <c>time_appconnect</c>,
/// <c>time_pretransfer</c>, <c>time_starttransfer</c> and <c>time_total</c>. The object is live: phases fill
/// in as the request goes on. Read it on the reactor thread.
/// </summary>
public sealed class HttpRequestTimings
{
    private readonly double?[] _reached = new double?[Enum.GetValues<HttpPhase>().Length];

    internal HttpRequestTimings(double startTime)
    {
        StartTime = startTime;
    }

    /// <summary>When the request started, on the reactor's clock (seconds; only differences are meaningful).</summary>
    public double StartTime { get; }

    /// <summary>Whether the request went over a kept-alive connection from the pool (then dns, connect and tls are not reached).</summary>
    public bool ConnectionReused { get; internal set; }

    /// <summary>Seconds until the host name was resolved, or <see langword="null"/>.</summary>
    public double? Dns => this[HttpPhase.Dns];

    /// <summary>Seconds until TCP connected, or <see langword="null"/>.</summary>
    public double? Connect => this[HttpPhase.Connect];

    /// <summary>Seconds until the TLS handshake completed, or <see langword="null"/>.</summary>
    public double? Tls => this[HttpPhase.Tls];

    /// <summary>Seconds until the request was written in full, or <see langword="null"/>.</summary>
    public double? RequestSent => this[HttpPhase.RequestSent];

    /// <summary>Seconds until the first response byte, or <see langword="null"/>.</summary>
    public double? FirstByte => this[HttpPhase.FirstByte];

    /// <summary>Seconds until the response head was parsed, or <see langword="null"/>.</summary>
    public double? Headers => this[HttpPhase.Headers];

    /// <summary>Seconds until the body was complete (the total time), or <see langword="null"/>.</summary>
    public double? Done => this[HttpPhase.Done];

    /// <summary>Seconds from the start until <paramref name="phase"/> was reached, or <see langword="null"/> if it was not.</summary>
    /// <param name="phase">The milestone.</param>
    /// <returns>The time since the start.</returns>
    public double? this[HttpPhase phase] => _reached[(int)phase];

    /// <summary>Records <paramref name="phase"/> at <paramref name="time"/> (reactor clock); the first mark counts.</summary>
    /// <returns>Whether this was the first mark of the phase.</returns>
    internal bool Mark(HttpPhase phase, double time)
    {
        if (_reached[(int)phase] is not null)
        {
            return false;
        }

        _reached[(int)phase] = Math.Max(0, time - StartTime);
        return true;
    }

    /// <summary>Forgets <paramref name="phase"/> (a request retried on a fresh connection is sent again).</summary>
    internal void Clear(HttpPhase phase) => _reached[(int)phase] = null;
}
