using NetScope.Core.Time;

namespace NetScope.Web.Client.Bodies;

/// <summary>A request body read from a file each time it is sent.</summary>
internal sealed class FileRequestBody : HttpRequestBody
{
    private readonly string _path;
    private readonly long _length;

    public FileRequestBody(string path, long length)
    {
        _path = path;
        _length = length;
    }

    public override long Length => _length;

    public override bool IsReplayable => true;

    internal override IHttpBodyProducer CreateProducer(IReactorTime clock) => new FileBodyProducer(clock, _path, _length);
}
