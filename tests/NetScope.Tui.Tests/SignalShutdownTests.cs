using System.Runtime.InteropServices;
using NetScope.Tui.App;

namespace NetScope.Tui.Tests;

public sealed class SignalShutdownTests
{
    [Theory]
    [InlineData(PosixSignal.SIGHUP, 129)]
    [InlineData(PosixSignal.SIGINT, 130)]
    [InlineData(PosixSignal.SIGTERM, 143)]
    public void TheExitCodeIs128PlusTheSignalsNumber(PosixSignal signal, int code)
    {
        using var signals = new SignalShutdown(register: false);
        signals.Handle(signal);
        signals.Finished();

        Assert.Equal(code, SignalShutdown.ExitCodeOf(signal));
        Assert.Equal(code, signals.ExitCode);
    }

    [Fact]
    public void ASignalStopsTheArmedUiOnceAndDoesNotRestoreTheTerminalItselfWhileTheShutdownIsOrderly()
    {
        using var signals = new SignalShutdown(register: false);
        var stops = 0;
        var restores = 0;
        signals.Arm(() => stops++, () => restores++);
        Assert.Null(signals.ExitCode);

        signals.Handle(PosixSignal.SIGTERM);
        signals.Finished();

        Assert.Equal(1, stops);
        Assert.Equal(0, restores);
        Assert.Equal(143, signals.ExitCode);
    }

    [Fact]
    public void ASignalBeforeTheUiRunsStopsItAsSoonAsItIsArmedAndOneAfterItOnlySetsTheCode()
    {
        using var early = new SignalShutdown(register: false);
        early.Handle(PosixSignal.SIGINT);
        var stops = 0;
        early.Arm(() => stops++, () => { });
        early.Finished();
        Assert.Equal(1, stops);
        Assert.Equal(130, early.ExitCode);

        using var late = new SignalShutdown(register: false);
        late.Arm(() => throw new InvalidOperationException("not running"), () => { });
        late.Disarm();
        late.Handle(PosixSignal.SIGHUP);
        late.Finished();
        Assert.Equal(129, late.ExitCode);
    }
}
