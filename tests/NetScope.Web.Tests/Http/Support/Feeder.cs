using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Tests.Http.Support;

/// <summary>
/// Feeds parsers the way a connection does: in chunks of a given size, keeping the bytes a parser did not
/// take (after it stopped at the end of a message) and feeding them again first. Every loop is bounded.
/// </summary>
internal static class Feeder
{
    private delegate int FeedFunction(ReadOnlySpan<byte> data);

    /// <summary>The bytes of <paramref name="text"/>, one per character (Latin-1), so "\xFF" is the byte 0xFF.</summary>
    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    public static RequestRecorder FeedRequests(
        byte[] input, int chunkSize, HttpParserOptions? options = null, bool stopAfterEach = false, bool end = true)
    {
        var recorder = new RequestRecorder { StopAfterEachRequest = stopAfterEach };
        var parser = new HttpRequestParser(recorder, options);
        Drive(input, chunkSize, parser.Feed, () => parser.HasFailed);
        if (end)
        {
            parser.FeedEnd();
        }

        return recorder;
    }

    public static ResponseRecorder FeedResponses(
        byte[] input,
        int chunkSize,
        HttpParserOptions? options = null,
        string requestMethod = HttpMethods.Get,
        bool stopAfterEach = false,
        bool end = true)
    {
        var recorder = new ResponseRecorder { StopAfterEachResponse = stopAfterEach };
        var parser = new HttpResponseParser(recorder, options) { RequestMethod = requestMethod };
        Drive(input, chunkSize, parser.Feed, () => parser.HasFailed || parser.IsUpgraded);
        if (end)
        {
            parser.FeedEnd();
        }

        return recorder;
    }

    /// <summary>
    /// Parses <paramref name="text"/> whole, then in every chunk size from 1 up, each time also stopping after
    /// every request, and asserts that every run reports exactly the same events. Returns the whole run.
    /// </summary>
    public static RequestRecorder ParseRequests(string text, HttpParserOptions? options = null) =>
        ParseRequests(Bytes(text), options);

    public static RequestRecorder ParseRequests(byte[] input, HttpParserOptions? options = null) =>
        ParseRequests(input, Enumerable.Range(1, input.Length), options);

    /// <summary>Parses whole, then in each of <paramref name="chunkSizes"/>, asserting that every run reports the same events.</summary>
    public static RequestRecorder ParseRequests(byte[] input, IEnumerable<int> chunkSizes, HttpParserOptions? options = null)
    {
        var whole = FeedRequests(input, Math.Max(1, input.Length), options);
        foreach (var size in chunkSizes)
        {
            AssertSameEvents(whole.Events, FeedRequests(input, size, options).Events, size, stopping: false);
            AssertSameEvents(whole.Events, FeedRequests(input, size, options, stopAfterEach: true).Events, size, stopping: true);
        }

        return whole;
    }

    /// <summary>The same as <see cref="ParseRequests(string, HttpParserOptions?)"/> for responses.</summary>
    public static ResponseRecorder ParseResponses(string text, HttpParserOptions? options = null, string requestMethod = HttpMethods.Get) =>
        ParseResponses(Bytes(text), options, requestMethod);

    public static ResponseRecorder ParseResponses(byte[] input, HttpParserOptions? options = null, string requestMethod = HttpMethods.Get) =>
        ParseResponses(input, Enumerable.Range(1, input.Length), options, requestMethod);

    /// <summary>Parses whole, then in each of <paramref name="chunkSizes"/>, asserting that every run reports the same events.</summary>
    public static ResponseRecorder ParseResponses(
        byte[] input, IEnumerable<int> chunkSizes, HttpParserOptions? options = null, string requestMethod = HttpMethods.Get)
    {
        var whole = FeedResponses(input, Math.Max(1, input.Length), options, requestMethod);
        foreach (var size in chunkSizes)
        {
            AssertSameEvents(whole.Events, FeedResponses(input, size, options, requestMethod).Events, size, stopping: false);
            AssertSameEvents(
                whole.Events, FeedResponses(input, size, options, requestMethod, stopAfterEach: true).Events, size, stopping: true);
        }

        return whole;
    }

    public static void AssertSameEvents(List<string> expected, List<string> actual, int chunkSize, bool stopping)
    {
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(
                $"Fed in chunks of {chunkSize} bytes{(stopping ? " stopping after each message" : string.Empty)}, the parser reported:\n"
                + string.Join('\n', actual) + "\ninstead of:\n" + string.Join('\n', expected));
        }
    }

    private static void Drive(byte[] input, int chunkSize, FeedFunction feed, Func<bool> stopped)
    {
        // Each chunk is copied into a scratch buffer that is scribbled over after Feed returns, as a
        // connection reuses its read buffer: a parser that kept a span past the call would see garbage.
        var scratch = new byte[chunkSize + input.Length];
        var pendingLength = 0;
        var position = 0;
        var rounds = 0;
        while (position < input.Length || pendingLength > 0)
        {
            // Each round takes new input or completes a message, so this bound is never reached by a correct parser.
            Assert.True(++rounds <= (2 * input.Length) + 4, "the parser stopped making progress");
            var take = Math.Min(chunkSize, input.Length - position);
            input.AsSpan(position, take).CopyTo(scratch.AsSpan(pendingLength));
            var length = pendingLength + take;
            position += take;
            var consumed = feed(scratch.AsSpan(0, length));
            if (consumed < 0 || consumed > length)
            {
                Assert.Fail($"Feed returned {consumed} for {length} bytes");
            }
            if (stopped())
            {
                return;
            }

            if (take == 0 && consumed == 0)
            {
                Assert.Fail("the parser took nothing from the bytes left over, although it neither stopped nor failed");
            }

            pendingLength = length - consumed;
            scratch.AsSpan(consumed, pendingLength).CopyTo(scratch);
            scratch.AsSpan(pendingLength).Fill(0xEE);
        }
    }
}
