using NetScope.Sessions.Deferreds;
using NetScope.Sessions.Rendering;
using NetScope.Tui.Model;

namespace NetScope.Tui.Tests;

public sealed class DeferredRowsTests
{
    private static DeferredLinkSnapshot Link(int index, string callback, bool reached, string? outcome = null, bool failure = false, long? waitingOn = null) => new()
    {
        Index = index,
        Kind = DeferredLinkKind.Callbacks,
        Callback = callback,
        Errback = "passthru",
        Reached = reached,
        OnErrbackPath = reached ? failure : null,
        Ran = reached,
        Outcome = outcome,
        OutcomeIsFailure = failure,
        WaitingOn = waitingOn,
        Duration = 0.0001,
    };

    private static DeferredSnapshot Deferred(long id, string label, DeferredState state, double age, IReadOnlyList<DeferredLinkSnapshot> links, long? waitingOn = null, bool unhandled = false, string? outcome = null) => new()
    {
        Id = id,
        EntryId = 1,
        Label = label,
        State = state,
        WaitingOn = waitingOn,
        CreatedAt = 0,
        FiredAt = state == DeferredState.Pending ? null : 0.0004,
        Age = age,
        Outcome = outcome,
        OutcomeIsFailure = state == DeferredState.Failed,
        Unhandled = unhandled,
        CancelRequested = false,
        Links = links,
        LinksNotShown = 0,
    };

    private static readonly IReadOnlyList<DeferredSnapshot> Chains =
    [
        Deferred(3, "connect 127.0.0.1:7007", DeferredState.Waiting, 2, [Link(0, "Session.OnConnected", true, "EchoClient"), Link(1, "Script.SendGreeting", true, waitingOn: 4)], waitingOn: 4),
        Deferred(4, "expect /hello/", DeferredState.Pending, 1.2, [Link(0, "ScriptRunner.RunSteps", false)]),
        Deferred(5, "read file", DeferredState.Failed, 3, [Link(0, "Reader.Parse", true, "FormatException: bad", failure: true)], unhandled: true, outcome: "FormatException: bad"),
    ];

    [Fact]
    public void RowsReadExactlyLikeTheChainTreesTheCliPrints()
    {
        Assert.Equal(ChainTreeRenderer.Render(Chains), DeferredRows.Build(Chains).Select(r => r.Text).ToArray());
    }

    [Fact]
    public void EachRowKnowsItsDeferredWhetherItCanBeCancelledAndHowToHighlightIt()
    {
        var rows = DeferredRows.Build(Chains);

        Assert.Equal(
            [
                (3L, true, DeferredTone.Pending, false),
                (3L, false, DeferredTone.Normal, false),
                (3L, false, DeferredTone.Pending, false),
                (4L, true, DeferredTone.Pending, true),
                (4L, false, DeferredTone.Quiet, true),
                (5L, true, DeferredTone.Failed, false),
                (5L, false, DeferredTone.Failed, false),
            ],
            rows.Select(r => (r.DeferredId, r.IsHeader, r.Tone, r.Cancellable)).ToArray());
    }
}
