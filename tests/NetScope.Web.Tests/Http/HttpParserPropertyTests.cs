using System.Buffers;
using CsCheck;
using NetScope.Web.Http;
using NetScope.Web.Tests.Http.Support;

namespace NetScope.Web.Tests.Http;

/// <summary>
/// Random and mutated messages. Samples are parsed whole and in every chunk size (also stopping after each
/// message), and all runs must report the same events; nothing may throw; every message the parser accepts
/// must serialize back into bytes that parse to the same message. Every chunk size costs a few hundred
/// parses per sample, so the high-volume variants feed whole, byte by byte and in two random sizes.
/// </summary>
public sealed class HttpParserPropertyTests
{
    private const int ValidIterations = 60;
    private const int MutatedIterations = 100;
    private const int ManyMutatedIterations = 3000;
    private const int RandomIterations = 300;

    private static readonly Gen<int[]> SomeChunkSizes = Gen.Select(Gen.Int[2, 9], Gen.Int[10, 200], (small, large) => new[] { 1, small, large });

    [Fact]
    public void ValidRequestsParseToExactlyWhatWasSent()
    {
        HttpGenerators.Requests.Sample(
            sequence =>
            {
                var run = Feeder.ParseRequests(sequence.Bytes);

                Assert.Null(run.Error);
                Assert.Equal(sequence.Messages.Length, run.Completed);
                for (var i = 0; i < sequence.Messages.Length; i++)
                {
                    var (spec, head) = (sequence.Messages[i], run.Heads[i]);
                    Assert.Equal((spec.Method, spec.Target, spec.Version), (head.Method, head.Target, head.Version));
                    Assert.Equal(spec.AllHeaders.Select(h => new HttpHeader(h.Name, h.Value)), head.Headers);
                    Assert.Equal(spec.Body.Data, run.Bodies[i]);
                    Assert.Equal(spec.Body.Trailers.Select(h => new HttpHeader(h.Name, h.Value)), run.Trailers[i] ?? new HttpHeaders());
                }

                AssertRequestsReserialize(run);
            },
            iter: ValidIterations,
            print: sequence => sequence.ToString());
    }

    [Fact]
    public void MutatedRequestsParseTheSameInEveryChunkSizeAndWhatIsAcceptedReserializes()
    {
        HttpGenerators.Mutated(HttpGenerators.Requests.Select(sequence => sequence.Bytes)).Sample(
            bytes => AssertRequestsReserialize(Feeder.ParseRequests(bytes)),
            iter: MutatedIterations,
            print: HttpGenerators.Describe);
    }

    [Fact]
    public void ManyMutatedRequestsParseTheSameInSomeChunkSizesAndWhatIsAcceptedReserializes()
    {
        Gen.Select(HttpGenerators.Mutated(HttpGenerators.Requests.Select(sequence => sequence.Bytes)), SomeChunkSizes).Sample(
            (bytes, sizes) => AssertRequestsReserialize(Feeder.ParseRequests(bytes, sizes)),
            iter: ManyMutatedIterations,
            print: sample => HttpGenerators.Describe(sample.Item1));
    }

    [Fact]
    public void RandomBytesNeverBreakTheRequestParser()
    {
        Gen.Byte.Array[0, 120].Sample(
            bytes => AssertRequestsReserialize(Feeder.ParseRequests(bytes)),
            iter: RandomIterations,
            print: HttpGenerators.Describe);
    }

    [Fact]
    public void ValidResponsesParseToExactlyWhatWasSent()
    {
        HttpGenerators.Responses.Sample(
            sequence =>
            {
                var run = Feeder.ParseResponses(sequence.Bytes, requestMethod: sequence.RequestMethod);

                Assert.Null(run.Error);
                var finals = sequence.Messages.Where(m => m.Status >= 200).ToArray();
                var interims = sequence.Messages.Where(m => m.Status < 200).ToArray();
                Assert.Equal(finals.Length, run.Completed);
                Assert.Equal(interims.Select(m => (m.Status, m.Reason)), run.Interim.Select(h => (h.StatusCode, h.ReasonPhrase)));
                for (var i = 0; i < finals.Length; i++)
                {
                    var (spec, head) = (finals[i], run.Heads[i]);
                    Assert.Equal((spec.Version, spec.Status, spec.Reason), (head.Version, head.StatusCode, head.ReasonPhrase));
                    Assert.Equal(spec.AllHeaders.Select(h => new HttpHeader(h.Name, h.Value)), head.Headers);
                    Assert.Equal(spec.Body.Data, run.Bodies[i]);
                    Assert.Equal(spec.Body.Trailers.Select(h => new HttpHeader(h.Name, h.Value)), run.Trailers[i] ?? new HttpHeaders());
                }

                AssertResponsesReserialize(run, sequence.RequestMethod);
            },
            iter: ValidIterations,
            print: sequence => $"{sequence.RequestMethod}: {sequence}");
    }

    [Fact]
    public void MutatedResponsesParseTheSameInEveryChunkSizeAndWhatIsAcceptedReserializes()
    {
        var mutated =
            from sequence in HttpGenerators.Responses
            from bytes in HttpGenerators.Mutated(Gen.Const(sequence.Bytes))
            select (sequence.RequestMethod, bytes);

        mutated.Sample(
            sample => AssertResponsesReserialize(Feeder.ParseResponses(sample.bytes, requestMethod: sample.RequestMethod), sample.RequestMethod),
            iter: MutatedIterations,
            print: sample => $"{sample.RequestMethod}: {HttpGenerators.Describe(sample.bytes)}");
    }

    [Fact]
    public void ManyMutatedResponsesParseTheSameInSomeChunkSizesAndWhatIsAcceptedReserializes()
    {
        var mutated =
            from sequence in HttpGenerators.Responses
            from bytes in HttpGenerators.Mutated(Gen.Const(sequence.Bytes))
            from sizes in SomeChunkSizes
            select (sequence.RequestMethod, bytes, sizes);

        mutated.Sample(
            sample => AssertResponsesReserialize(
                Feeder.ParseResponses(sample.bytes, sample.sizes, requestMethod: sample.RequestMethod), sample.RequestMethod),
            iter: ManyMutatedIterations,
            print: sample => $"{sample.RequestMethod}: {HttpGenerators.Describe(sample.bytes)}");
    }

    [Fact]
    public void RandomBytesNeverBreakTheResponseParser()
    {
        Gen.Byte.Array[0, 120].Sample(
            bytes => AssertResponsesReserialize(Feeder.ParseResponses(bytes), HttpMethods.Get),
            iter: RandomIterations,
            print: HttpGenerators.Describe);
    }

    /// <summary>Writes every completed request back out with the serializers and checks it parses to the same request.</summary>
    private static void AssertRequestsReserialize(RequestRecorder run)
    {
        for (var i = 0; i < run.Completed; i++)
        {
            var head = run.Heads[i];
            var writer = new ArrayBufferWriter<byte>();
            HttpHeadWriter.WriteRequestHead(writer, head.Method, head.Target, head.Version, head.Headers);
            WriteBody(writer, head.BodyFraming, run.Bodies[i], run.Trailers[i]);
            var bytes = writer.WrittenSpan.ToArray();

            var again = Feeder.FeedRequests(bytes, bytes.Length);

            Assert.Null(again.Error);
            Assert.Equal(1, again.Completed);
            Assert.Equal(Transcript.Describe(head), Transcript.Describe(again.Heads[0]));
            Assert.Equal(run.Bodies[i], again.Bodies[0]);
            Assert.Equal(run.Trailers[i]?.ToString(), again.Trailers[0]?.ToString());
        }
    }

    /// <summary>Writes every interim and completed response back out and checks it parses to the same response.</summary>
    private static void AssertResponsesReserialize(ResponseRecorder run, string requestMethod)
    {
        foreach (var interim in run.Interim)
        {
            var writer = new ArrayBufferWriter<byte>();
            HttpHeadWriter.WriteResponseHead(writer, interim.Version, interim.StatusCode, interim.ReasonPhrase, interim.Headers);
            var bytes = writer.WrittenSpan.ToArray();

            var again = Feeder.FeedResponses(bytes, bytes.Length, requestMethod: requestMethod);

            Assert.Equal([Transcript.Describe(interim, "interim")], again.Events);
        }

        for (var i = 0; i < run.Completed; i++)
        {
            var head = run.Heads[i];
            var writer = new ArrayBufferWriter<byte>();
            HttpHeadWriter.WriteResponseHead(writer, head.Version, head.StatusCode, head.ReasonPhrase, head.Headers);
            WriteBody(writer, head.BodyFraming, run.Bodies[i], run.Trailers[i]);
            var bytes = writer.WrittenSpan.ToArray();

            var again = Feeder.FeedResponses(bytes, bytes.Length, requestMethod: requestMethod);

            Assert.Null(again.Error);
            Assert.Equal(1, again.Completed);
            Assert.Equal(Transcript.Describe(head, "head"), Transcript.Describe(again.Heads[0], "head"));
            Assert.Equal(run.Bodies[i], again.Bodies[0]);
            Assert.Equal(run.Trailers[i]?.ToString(), again.Trailers[0]?.ToString());
        }
    }

    private static void WriteBody(ArrayBufferWriter<byte> writer, HttpBodyFraming framing, byte[] body, HttpHeaders? trailers)
    {
        if (framing == HttpBodyFraming.Chunked)
        {
            HttpChunkedEncoder.WriteChunk(writer, body);
            HttpChunkedEncoder.WriteLastChunk(writer, trailers);
        }
        else
        {
            writer.Write(body);
        }
    }
}
