using System.Text;

namespace NetScope.Cli.Tests.Support;

/// <summary>
/// The <see cref="TextWriter"/> an in-process run writes to (its stdout or stderr): every write
/// lands in <see cref="Output"/> at once, so a test can wait for a line while the command runs.
/// Thread-safe: the reactor thread writes while the test thread reads.
/// </summary>
internal sealed class LiveWriter : TextWriter
{
    private readonly Lock _gate = new();
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();

    public LiveWriter(string name)
    {
        Output = new LiveOutput(name);
        NewLine = "\n";
    }

    public LiveOutput Output { get; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write([value], 0, 1);

    public override void Write(string? value)
    {
        if (value is not null)
        {
            Write(value.ToCharArray(), 0, value.Length);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_gate)
        {
            var bytes = new byte[_encoder.GetByteCount(buffer, index, count, flush: false)];
            _encoder.GetBytes(buffer, index, count, bytes, 0, flush: false);
            Output.Append(bytes);
        }
    }
}
