using System.Runtime.CompilerServices;
using NetScope.Core.Defer;
using NetScope.Core.Tests.Defer.Support;

namespace NetScope.Core.Tests.Defer;

/// <summary>Debug mode: Deferreds record where they were created and first fired.</summary>
[Collection(ProcessWideStateCollection.Name)]
public class DebugModeTests : ProcessWideStateTest
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void FiringTwiceInDebugModeNamesTheCreatorAndTheFirstInvokerOnly(bool firstIsCallback, bool secondIsCallback)
    {
        Deferred.Debugging = true;
        var d = CreateHere();
        d.AddCallbacks(r => r, _ => null);
        if (firstIsCallback)
        {
            CallFirst(d);
        }
        else
        {
            ErrFirst(d);
        }

        var error = Assert.Throws<AlreadyCalledException>(() =>
        {
            if (secondIsCallback)
            {
                CallSecond(d);
            }
            else
            {
                ErrSecond(d);
            }
        });

        var lines = error.Message.Split('\n');
        Assert.Equal("Deferred was already called.", lines[0]);
        Assert.Equal(" C: Deferred was created:", lines[1]);
        Assert.Equal(1, CountLines(lines, " C:", nameof(CreateHere)));
        Assert.Equal(0, CountLines(lines, " C:", nameof(CallFirst)));
        Assert.Equal(0, CountLines(lines, " C:", nameof(ErrFirst)));
        Assert.Contains(" I: First Invoker was:", lines);
        var firstInvoker = firstIsCallback ? nameof(CallFirst) : nameof(ErrFirst);
        Assert.Equal(1, CountLines(lines, " I:", firstInvoker));
        Assert.Equal(0, CountLines(lines, " I:", nameof(CallSecond)));
        Assert.Equal(0, CountLines(lines, " I:", nameof(ErrSecond)));
    }

    [Fact]
    public void FiringTwiceWithoutDebugModeGivesThePlainMessage()
    {
        Deferred.Debugging = false;
        var d = new Deferred();
        d.Callback("hello");
        var error = Assert.Throws<AlreadyCalledException>(() => d.Callback("twice"));
        Assert.Equal("Deferred was already called.", error.Message);
    }

    [Fact]
    public void SitesAreRecordedOnlyWhileDebugModeIsOn()
    {
        Deferred.SetDebugging(false);
        var quiet = new Deferred();
        quiet.Callback(null);
        Assert.Null(quiet.CreationSite);
        Assert.Null(quiet.InvocationSite);

        Deferred.SetDebugging(true);
        Assert.True(Deferred.GetDebugging());
        var recorded = CreateHere();
        Assert.Contains($"{nameof(DebugModeTests)}.{nameof(CreateHere)}", recorded.CreationSite, StringComparison.Ordinal);
        Assert.Null(recorded.InvocationSite);
        CallFirst(recorded);
        Assert.Contains($"{nameof(DebugModeTests)}.{nameof(CallFirst)}", recorded.InvocationSite, StringComparison.Ordinal);

        // The machinery's own frames are left out.
        Assert.DoesNotContain("NetScope.Core.Defer", recorded.CreationSite!, StringComparison.Ordinal);
        Assert.DoesNotContain("Deferred..ctor", recorded.CreationSite!, StringComparison.Ordinal);
    }

    [Fact]
    public void DebugModeCanBeSwitchedBetweenCreationAndFiring()
    {
        Deferred.Debugging = false;
        var d = new Deferred();
        d.AddBoth(_ => null);
        Deferred.Debugging = true;
        d.Callback(null);
        Assert.Null(d.CreationSite);
        Assert.NotNull(d.InvocationSite);
        var error = Assert.Throws<AlreadyCalledException>(() => d.Callback(null));
        Assert.DoesNotContain(" C:", error.Message, StringComparison.Ordinal);
        Assert.Contains(" I: First Invoker was:", error.Message, StringComparison.Ordinal);

        Deferred.Debugging = false;
        var e = new Deferred();
        e.Callback(null);
        Deferred.Debugging = true;
        e.AddBoth(_ => null);
        Assert.Null(e.InvocationSite);
    }

    private static int CountLines(string[] lines, string prefix, string method) =>
        lines.Count(line => line.StartsWith(prefix, StringComparison.Ordinal) && line.Contains($"{nameof(DebugModeTests)}.{method}", StringComparison.Ordinal));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Deferred CreateHere() => new();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallFirst(Deferred d) => d.Callback("hello");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallSecond(Deferred d) => d.Callback("twice");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ErrFirst(Deferred d) => d.Errback(new InvalidOperationException());

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ErrSecond(Deferred d) => d.Errback(new InvalidOperationException());
}
