using System.Text;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// Bytes a running command writes (its stdout or stderr), growing while it runs, with waits for
/// what a test needs to see next. Every wait is bounded: a command that never writes the awaited
/// output fails the test with what it did write, instead of hanging the run.
/// </summary>
internal sealed class LiveOutput
{
    /// <summary>The safety net on every wait; the awaited output normally comes in milliseconds.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    /// <summary>What is kept at most: a stream that never ends (chargen) cannot fill the memory.</summary>
    public const int Capacity = 4 << 20;

    private readonly Lock _gate = new();
    private readonly List<byte> _bytes = [];
    private readonly List<Action> _waiters = [];
    private readonly string _name;
    private bool _ended;

    public LiveOutput(string name)
    {
        _name = name;
    }

    /// <summary>Everything written so far.</summary>
    public byte[] Bytes
    {
        get
        {
            lock (_gate)
            {
                return [.. _bytes];
            }
        }
    }

    /// <summary>Everything written so far, decoded as UTF-8.</summary>
    public string Text => Encoding.UTF8.GetString(Bytes);

    /// <summary>The complete lines written so far (without their LF; a trailing partial line is left out).</summary>
    public IReadOnlyList<string> Lines => CompleteLines(Text);

    public void Append(ReadOnlySpan<byte> data)
    {
        Action[] waiters;
        lock (_gate)
        {
            foreach (var b in data[..Math.Min(data.Length, Capacity - _bytes.Count)])
            {
                _bytes.Add(b);
            }

            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            waiter();
        }
    }

    /// <summary>The writer has closed the stream: waits still pending fail at once.</summary>
    public void End()
    {
        Action[] waiters;
        lock (_gate)
        {
            _ended = true;
            waiters = [.. _waiters];
        }

        foreach (var waiter in waiters)
        {
            waiter();
        }
    }

    /// <summary>Waits for the first complete line that <paramref name="match"/> accepts and returns it.</summary>
    public Task<string> LineAsync(Func<string, bool> match, string what) =>
        WaitAsync(bytes => CompleteLines(Encoding.UTF8.GetString(bytes)).FirstOrDefault(match), what);

    /// <summary>Waits for the line with index <paramref name="index"/> (0 for the first line).</summary>
    public Task<string> LineAtAsync(int index) =>
        WaitAsync(bytes => CompleteLines(Encoding.UTF8.GetString(bytes)) is { } lines && lines.Count > index ? lines[index] : null, $"line {index + 1}");

    private static List<string> CompleteLines(string text)
    {
        var end = text.LastIndexOf('\n');
        return end < 0 ? [] : [.. text[..end].Split('\n')];
    }

    private async Task<T> WaitAsync<T>(Func<byte[], T?> probe, string what)
        where T : class
    {
        var found = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            bool ended;
            lock (_gate)
            {
                ended = _ended;
            }

            if (probe(Bytes) is { } value)
            {
                found.TrySetResult(value);
            }
            else if (ended)
            {
                found.TrySetException(new InvalidOperationException($"{_name} ended without {what}; it holds: {Show()}"));
            }
        }

        lock (_gate)
        {
            _waiters.Add(Check);
        }

        try
        {
            Check();
            return await found.Task.WaitAsync(Bound);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"no {what} on {_name} within {Bound.TotalSeconds}s; it holds: {Show()}");
        }
        finally
        {
            lock (_gate)
            {
                _waiters.Remove(Check);
            }
        }
    }

    private string Show()
    {
        var text = Text;
        return text.Length == 0 ? "nothing" : "\n" + (text.Length > 2000 ? text[..2000] + "..." : text);
    }
}
