using NetScope.Core.Time;

namespace NetScope.Web.Client.Bodies;

/// <summary>A request body held in memory.</summary>
internal sealed class BytesRequestBody : HttpRequestBody
{
    /// <summary>Bodies up to this size go out in the same vectored write as the head.</summary>
    private const int InlineLimit = 64 * 1024;

    private readonly ReadOnlyMemory<byte> _bytes;

    public BytesRequestBody(ReadOnlyMemory<byte> bytes)
    {
        _bytes = bytes;
    }

    public override long Length => _bytes.Length;

    public override bool IsReplayable => true;

    internal override ReadOnlyMemory<byte> InlineBytes => _bytes.Length <= InlineLimit ? _bytes : default;

    internal override IHttpBodyProducer CreateProducer(IReactorTime clock) => new BytesBodyProducer(_bytes);
}
