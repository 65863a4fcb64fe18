using NetScope.Core.Defer;
using NetScope.Core.Logging;
using NetScope.Core.Tests.Defer.Support;
using static NetScope.Core.Tests.Defer.Support.DeferredAssert;

namespace NetScope.Core.Tests.Defer;

/// <summary>A canceller that throws while a <see cref="DeferredList"/> is cancelled is logged, and the others still run.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class DeferredListCancelLoggingTests : ProcessWideStateTest
{
    [Fact]
    public void CancellingContinuesPastACancellerThatThrowsAndLogsIt()
    {
        var log = new CapturingLoggerFactory();
        NetScopeLogging.Factory = log;
        var d1 = new Deferred(_ => throw new InvalidOperationException("test")).WithLabel("throwing canceller " + Guid.NewGuid());
        var d2 = new Deferred();
        var list = new DeferredList([d1, d2]);

        list.Cancel();

        FailureResultOf<CancelledException>(d2);
        var entry = Assert.Single(log.Entries, e => e.Message.Contains(d1.Label!, StringComparison.Ordinal));
        Assert.Equal("Exception raised from a Deferred canceller in " + d1, entry.Message);
        Assert.Equal("test", entry.Exception!.Message);
        Assert.Equal(1002, entry.EventId);
        Assert.Equal("NetScope.Core.Defer", entry.Category);
    }
}
