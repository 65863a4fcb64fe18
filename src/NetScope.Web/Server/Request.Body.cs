namespace NetScope.Web.Server;

/// <summary>The request body: kept in memory up to <see cref="SiteOptions.BodyMemoryLimit"/>, then in a temporary file.</summary>
public sealed partial class Request
{
    private Stream? _content;
    private bool _contentReady;
    private long _received;

    /// <summary>
    /// The request body, positioned at its start once the request is complete (an empty stream when there was
    /// none). Bodies larger than <see cref="SiteOptions.BodyMemoryLimit"/> live in a temporary file, deleted
    /// when the request finishes; read the body before calling <see cref="Finish"/>.
    /// </summary>
    public Stream Content
    {
        get
        {
            if (_content is null)
            {
                return Stream.Null;
            }

            if (!_contentReady)
            {
                _content.Position = 0;
                _contentReady = true;
            }

            return _content;
        }
    }

    /// <summary>How many body bytes arrived (still known after the body itself is released).</summary>
    public long ContentLength => _received;

    internal void AppendBody(ReadOnlySpan<byte> data, int memoryLimit)
    {
        if (_content is null)
        {
            var expected = Head.ContentLength;
            var capacity = expected > 0 && expected <= memoryLimit ? (int)expected : 0;
            _content = new MemoryStream(capacity);
        }

        if (_content is MemoryStream memory && memory.Length + data.Length > memoryLimit)
        {
            _content = SpillToFile(memory);
        }

        _content.Write(data);
        _received += data.Length;
    }

    internal void DisposeBody()
    {
        _content?.Dispose();
        _content = null;
    }

    private static FileStream SpillToFile(MemoryStream memory)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"netscope-body-{Guid.NewGuid():N}.tmp");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        memory.Position = 0;
        memory.CopyTo(file);
        memory.Dispose();
        return file;
    }
}
