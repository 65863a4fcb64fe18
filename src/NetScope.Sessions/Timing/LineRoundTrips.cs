namespace NetScope.Sessions.Timing;

/// <summary>
/// Measures line-mode round trips: each line sent is matched with the next complete line
/// received (first in, first out). Bounded: at most <see cref="MaxOutstanding"/> unanswered lines
/// are remembered.
/// </summary>
internal sealed class LineRoundTrips
{
    public const int MaxOutstanding = 1024;

    private readonly Queue<double> _outstanding = new();
    private int _count;
    private double _min = double.MaxValue;
    private double _max;
    private double _sum;
    private double _last;

    public void LineSent(double time)
    {
        if (_outstanding.Count == MaxOutstanding)
        {
            _outstanding.Dequeue();
        }

        _outstanding.Enqueue(time);
    }

    public void LineReceived(double time)
    {
        if (!_outstanding.TryDequeue(out var sent))
        {
            return;
        }

        var trip = Math.Max(0, time - sent);
        _count++;
        _min = Math.Min(_min, trip);
        _max = Math.Max(_max, trip);
        _sum += trip;
        _last = trip;
    }

    public LineRoundTripStats? Stats() => _count == 0 ? null : new LineRoundTripStats(_count, _min, _sum / _count, _max, _last);
}
