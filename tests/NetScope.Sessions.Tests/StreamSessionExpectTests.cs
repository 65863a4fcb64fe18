using System.Text.RegularExpressions;
using NetScope.Core.Defer;
using NetScope.Sessions.Streams;
using NetScope.Testing;

namespace NetScope.Sessions.Tests;

/// <summary><see cref="StreamSession.Expect"/> as a script uses it: each match's callback goes on to the next step.</summary>
public sealed class StreamSessionExpectTests
{
    [Fact]
    public void TheCallbackOfAMatchThatArrivesLaterCanExpectTheNextPatternAtOnce()
    {
        var session = new StreamSession(new Clock());
        session.MakeConnection(new StringTransport());
        var matches = new List<string>();
        Deferred<Match>? next = null;
        session.Expect(new Regex("one"), 5).AddCallback<Match>(first =>
        {
            matches.Add(first.Value);
            next = session.Expect(new Regex("t.o"), 5);
            next.AddCallback<Match>(second =>
            {
                matches.Add(second.Value);
                return null;
            });
            return null;
        });

        session.DataReceived("zero one "u8);
        Assert.Equal(["one"], matches);
        Assert.False(next!.Called);
        session.DataReceived("two"u8);

        Assert.Equal(["one", "two"], matches);
    }

    [Fact]
    public void AMatchConsumesInputSoTheSamePatternWaitsForItsNextOccurrence()
    {
        var session = new StreamSession(new Clock());
        session.MakeConnection(new StringTransport());
        session.DataReceived("ok ok"u8);

        var first = session.Expect(new Regex("ok"), 5);
        var second = session.Expect(new Regex("ok"), 5);
        var third = session.Expect(new Regex("ok"), 5);

        Assert.Equal((true, true, false), (first.Called, second.Called, third.Called));
    }
}
