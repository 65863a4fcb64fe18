using System.Security.Cryptography;
using NetScope.Core.Defer;
using NetScope.Core.Transports;
using NetScope.Web.Client;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>Takes a body as it streams and keeps only its SHA-256 and length, so any size costs the same memory.</summary>
internal sealed class HashingConsumer : IHttpBodyConsumer
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _length;

    public Deferred<(string Sha256, long Length)> Done { get; } = new();

    public int Pieces { get; private set; }

    public static Deferred<(string Sha256, long Length)> Read(HttpResponse response)
    {
        var consumer = new HashingConsumer();
        response.DeliverBody(consumer);
        return consumer.Done;
    }

    public void BodyStarted(IPushProducer producer)
    {
    }

    public void BodyReceived(ReadOnlySpan<byte> data)
    {
        _hash.AppendData(data);
        _length += data.Length;
        Pieces++;
    }

    public void BodyFinished(Exception? error)
    {
        if (error is not null)
        {
            Done.Errback(error);
            return;
        }

        Done.Callback((Convert.ToHexString(_hash.GetHashAndReset()), _length));
    }

    public static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data));
}
