using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Web.Client;

namespace NetScope.Cli.Http;

/// <summary>
/// Streams the response body to its output as it arrives, in the pieces the connection delivers, holding none
/// of it beyond what --json-output keeps (at most <see cref="JsonBodyLimit"/> bytes).
/// </summary>
internal sealed class BodySink : IHttpBodyConsumer
{
    /// <summary>The largest body --json-output includes as text.</summary>
    public const int JsonBodyLimit = 1024 * 1024;

    private readonly BodyOutput? _output;
    private readonly ProgressMeter? _progress;
    private IPushProducer? _producer;
    private MemoryStream? _kept;
    private bool _failed;

    /// <summary>Creates the sink.</summary>
    /// <param name="output">Where the body goes, or <see langword="null"/> to keep it for JSON only.</param>
    /// <param name="keepForJson">Whether to keep the start of the body for --json-output.</param>
    /// <param name="progress">The progress bar, when one is drawn.</param>
    public BodySink(BodyOutput? output, bool keepForJson, ProgressMeter? progress)
    {
        _output = output;
        _progress = progress;
        _kept = keepForJson ? new MemoryStream() : null;
        Done = new Deferred(_ => _producer?.StopProducing()).WithLabel("write body");
    }

    /// <summary>Fires when the body is complete and written, or fails with why not.</summary>
    public Deferred Done { get; }

    /// <summary>Bytes received.</summary>
    public long Size { get; private set; }

    /// <summary>The body, when it was kept for JSON and fit; else <see langword="null"/>.</summary>
    public byte[]? Kept => _kept?.ToArray();

    /// <inheritdoc/>
    public void BodyStarted(IPushProducer producer) => _producer = producer;

    /// <inheritdoc/>
    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        if (_failed)
        {
            return;
        }

        Size += data.Length;
        if (_kept is not null)
        {
            if (_kept.Length + data.Length <= JsonBodyLimit)
            {
                _kept.Write(data);
            }
            else
            {
                _kept = null;
            }
        }

        try
        {
            _output?.Write(data);
        }
        catch (CliException exception)
        {
            // The reader went away (a closed pipe) or the disk is full: stop reading a body nobody can take.
            _failed = true;
            Fail(exception);
            _producer?.StopProducing();
            return;
        }

        _progress?.Update(Size);
    }

    /// <inheritdoc/>
    public void BodyFinished(Exception? error)
    {
        _progress?.Finish();
        if (_failed)
        {
            return;
        }

        if (error is not null)
        {
            Fail(error);
            return;
        }

        if (!Done.Called)
        {
            Done.Callback(null);
        }
    }

    private void Fail(Exception error)
    {
        if (!Done.Called)
        {
            Done.Errback(error);
        }
    }
}
