using System.Runtime.CompilerServices;
using NetScope.Core.Tls;

namespace NetScope.Core.Tests.Tls;

/// <summary>
/// The runtime decides about key logging once per process, at its first TLS context, so the key-log test
/// can only work if logging is on before any test touches TLS: a module initializer is the one hook that
/// runs first. The file holds the secrets of test connections only and is deleted at exit.
/// </summary>
internal static class KeyLogTestSetup
{
    public static string Path { get; private set; } = string.Empty;

    public static TlsKeyLogStatus Status { get; private set; }

#pragma warning disable CA2255 // A module initializer is exactly what is needed here; see the class comment.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void EnableKeyLogForThisTestProcess()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"netscope-tls-keylog-{Environment.ProcessId}.txt");
        Status = TlsKeyLog.Enable(Path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(Path);
    }
}
