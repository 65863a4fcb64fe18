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
    private bool _skipToLineEnd;

    /// <summary>
    /// Waits until what has arrived since the previous match (or the start) matches
    /// <paramref name="pattern"/>, then consumes up to the end of the match, or with
    /// <paramref name="throughLineEnd"/> through the end of the line that holds the match's end (the
    /// next LF, even if it arrives later), so that the next expectation starts at a fresh line. Bytes
    /// are matched as Latin-1 characters, so <c>\x00</c> to <c>\xff</c> in a pattern match single bytes.
    /// Fails with <see cref="ExpectationFailedException"/> when the time runs out or the peer
    /// stops sending first.
    /// </summary>
    /// <param name="pattern">What to wait for.</param>
    /// <param name="timeoutSeconds">How long to wait at most (0: no limit).</param>
    /// <param name="throughLineEnd">Consume through the end of the match's line rather than the end of the match.</param>
    /// <param name="name">How failure messages name the step; <see langword="null"/> for <c>expect /PATTERN/</c>.</param>
    /// <exception cref="InvalidOperationException">Another expectation is pending.</exception>
    public Deferred<Match> Expect(Regex pattern, double timeoutSeconds, bool throughLineEnd = false, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (_expectation is not null)
        {
            throw new InvalidOperationException("An expectation is already pending.");
        }

        name ??= $"expect /{pattern}/";
        var deferred = new Deferred<Match>().WithLabel(name);
        var expectation = new PendingExpectation(pattern, deferred, throughLineEnd, name);
        if (FindMatch(expectation) is { } match)
        {
            deferred.Callback(match);
            return deferred;
        }

        if (PeerFinished || !Connected && _closedReason is not null)
        {
            deferred.Errback(new ExpectationFailedException(Describe(expectation, "the connection closed before a match")));
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
                    deferred.Errback(new ExpectationFailedException(Describe(expectation, string.Create(CultureInfo.InvariantCulture, $"no match within {timeoutSeconds:0.###}s"))));
                }
            });
        }

        return deferred;
    }

    private void MatchExpectations(ReadOnlySpan<byte> data)
    {
        _unmatched.Append(Encoding.Latin1.GetString(data));
        if (_skipToLineEnd)
        {
            // The rest of the line an earlier match ended in: consumed with it.
            var lineEnd = IndexOfLineFeed(0);
            _skipToLineEnd = lineEnd < 0;
            _unmatched.Remove(0, lineEnd < 0 ? _unmatched.Length : lineEnd + 1);
        }

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

        var end = match.Index + match.Length;
        if (expectation.ThroughLineEnd && (match.Length == 0 || text[end - 1] != '\n'))
        {
            var lineEnd = text.IndexOf('\n', end);
            _skipToLineEnd = lineEnd < 0;
            end = lineEnd < 0 ? text.Length : lineEnd + 1;
        }

        _unmatched.Remove(0, end);
        return match;
    }

    /// <summary>
    /// Forgets what has arrived and not been matched (the STARTTLS upgrade does this: plaintext that came
    /// after the server's answer must not satisfy an expectation made over TLS); returns how many bytes.
    /// </summary>
    public int DiscardUnmatched()
    {
        var count = _unmatched.Length;
        _unmatched.Clear();
        _skipToLineEnd = false;
        return count;
    }

    private int IndexOfLineFeed(int start)
    {
        for (var i = start; i < _unmatched.Length; i++)
        {
            if (_unmatched[i] == '\n')
            {
                return i;
            }
        }

        return -1;
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

        var message = Describe(expectation, why + " before a match");
        expectation.Deferred.Errback(cause is null ? new ExpectationFailedException(message) : new ExpectationFailedException(message, cause));
    }

    private string Describe(PendingExpectation expectation, string why)
    {
        var tail = _unmatched.Length > 60 ? _unmatched.ToString(_unmatched.Length - 60, 60) : _unmatched.ToString();
        var shown = Formatting.Escapes.Quote(tail);
        return $"{expectation.Name}: {why} (unmatched input: {shown})";
    }

    private sealed class PendingExpectation
    {
        public PendingExpectation(Regex pattern, Deferred<Match> deferred, bool throughLineEnd, string name)
        {
            Pattern = pattern;
            Deferred = deferred;
            ThroughLineEnd = throughLineEnd;
            Name = name;
        }

        public bool ThroughLineEnd { get; }

        public string Name { get; }

        public Regex Pattern { get; }

        public Deferred<Match> Deferred { get; }

        public Core.Time.IDelayedCall? Timer { get; set; }
    }
}
