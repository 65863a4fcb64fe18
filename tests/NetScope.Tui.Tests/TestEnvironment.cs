using System.Runtime.CompilerServices;

namespace NetScope.Tui.Tests;

internal static class TestEnvironment
{
    // Without it the ansi driver opens /dev/tty even when stdout is redirected: running the tests
    // from a terminal would switch it to the alternate screen and raw mode. It must be set before
    // any driver exists.
    [ModuleInitializer]
    internal static void DisableRealTerminal() => Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");
}
