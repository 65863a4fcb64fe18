using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetScope.Core.Defer;

namespace NetScope.Sessions.Streams;

/// <content>Waiting for a pattern in what arrives.</content>
public sealed partial class StreamSession
{
    /// <summary>How much received text is kept for matching: older text is forgotten.</summary>
    public const int ExpectWindowChars = 1 << 20;

    private readonly StringBuilder _unmatched = new();
    private PendingExpectation? _expectation;

    /// <summary>
    /// Waits until what has arrived since the previous match (or the start) matches
    /// <paramref name="pattern"/>, then consumes up to the end of the match. Bytes are matched
    /// as Latin-1 characters, so <c>\x00</c> to <c>\xff</c> in a pattern match single bytes.
    /// Fails with <see cref="ExpectationFailedException"/> when the time runs out or the peer
    /// stops sending first.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another expectation is pending.</exception>
    public Deferred<Match> Expect(Regex pattern, double timeoutSeconds)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (_expectation is not null)
        {
            throw new InvalidOperationException("An expectation is already pending.");
        }

        var deferred = new Deferred<Match>().WithLabel($"expect /{pattern}/");
        var expectation = new PendingExpectation(pattern, deferred);
        if (FindMatch(expectation) is { } match)
        {
            deferred.Callback(match);
            return deferred;
        }

        if (PeerFinished || !Connected && _closedReason is not null)
        {
            deferred.Errback(new ExpectationFailedException(Describe(pattern, "the connection closed before a match")));
            return deferred;
        }

        _expectation = expectation;
        if (timeoutSeconds > 0)
        {
            expectation.Timer = _clock.CallLater(timeoutSeconds, () =>
            {
                if (ReferenceEquals(_expectation, expectation))
                {
                    _expectation = null;
                    deferred.Errback(new ExpectationFailedException(Describe(pattern, string.Create(CultureInfo.InvariantCulture, $"no match within {timeoutSeconds:0.###}s"))));
                }
            });
        }

        return deferred;
    }

    private void MatchExpectations(ReadOnlySpan<byte> data)
    {
        _unmatched.Append(Encoding.Latin1.GetString(data));
        if (_unmatched.Length > ExpectWindowChars)
        {
            _unmatched.Remove(0, _unmatched.Length - ExpectWindowChars);
        }

        if (_expectation is { } expectation && FindMatch(expectation) is { } match)
        {
            // Settle the state before firing: the callback may run the next step of a script at
            // once, and that step may be the next expectation.
            _expectation = null;
            if (expectation.Timer is { } timer && timer.Active())
            {
                timer.Cancel();
            }

            expectation.Deferred.Callback(match);
        }
    }

    /// <summary>The match in what is unmatched so far, consumed up to its end; <see langword="null"/> if none.</summary>
    private Match? FindMatch(PendingExpectation expectation)
    {
        var text = _unmatched.ToString();
        var match = expectation.Pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        _unmatched.Remove(0, match.Index + match.Length);
        return match;
    }

    private void FailExpectation(string why, Exception? cause = null)
    {
        if (_expectation is not { } expectation)
        {
            return;
        }

        _expectation = null;
        if (expectation.Timer is { } timer && timer.Active())
        {
            timer.Cancel();
        }

        var message = Describe(expectation.Pattern, why + " before a match");
        expectation.Deferred.Errback(cause is null ? new ExpectationFailedException(message) : new ExpectationFailedException(message, cause));
    }

    private string Describe(Regex pattern, string why)
    {
        var tail = _unmatched.Length > 60 ? _unmatched.ToString(_unmatched.Length - 60, 60) : _unmatched.ToString();
        var shown = Formatting.Escapes.Quote(tail);
        return $"expect /{pattern}/: {why} (unmatched input: {shown})";
    }

    private sealed class PendingExpectation
    {
        public PendingExpectation(Regex pattern, Deferred<Match> deferred)
        {
            Pattern = pattern;
            Deferred = deferred;
        }

        public Regex Pattern { get; }

        public Deferred<Match> Deferred { get; }

        public Core.Time.IDelayedCall? Timer { get; set; }
    }
}
