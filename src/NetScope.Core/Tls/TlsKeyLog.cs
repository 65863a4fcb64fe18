using System.Net.Security;
using System.Security.Authentication;

namespace NetScope.Core.Tls;

/// <summary>
/// Writes TLS secrets in the NSS key log format (the <c>SSLKEYLOGFILE</c> format Wireshark reads), for
/// every TLS connection of the process. Off unless <see cref="Enable"/> is called.
/// </summary>
/// <remarks>
/// <para>
/// .NET 9 and later (on Linux, through OpenSSL's keylog callback) log secrets only when both the
/// AppContext switch <c>System.Net.EnableSslKeyLogging</c> is true and the <c>SSLKEYLOGFILE</c>
/// environment variable names a file. The runtime reads both once, when it creates its first OpenSSL
/// context, and keeps the file open: so the log is <em>process-wide</em> (one file for all connections,
/// exactly like a browser's) and must be enabled before the first handshake. There is no per-connection
/// switch and no public callback; to find one connection's lines, look up its
/// <see cref="TlsSessionInfo.ClientRandom"/>, which every line carries.
/// </para>
/// <para>
/// <see cref="Enable"/> sets the switch, points the variable at the file, makes the runtime initialise
/// (a throwaway handshake against an empty in-memory stream), restores the variable so child processes
/// do not inherit it, and checks that the runtime really holds the file open.
/// </para>
/// </remarks>
public static class TlsKeyLog
{
    private const string EnvironmentVariable = "SSLKEYLOGFILE";

    /// <summary>The switch .NET 9 and 10 read.</summary>
    private const string Switch = "System.Net.EnableSslKeyLogging";

    /// <summary>The name newer runtimes use for the same switch; setting both costs nothing.</summary>
    private const string NewerSwitch = "System.Net.Security.EnableSslKeyLogging";

    private static readonly Lock Gate = new();

    /// <summary>The file the process logs to, or null when key logging is off.</summary>
    public static string? ActivePath { get; private set; }

    /// <summary>Turns key logging on for the rest of the process, appending to <paramref name="path"/>.</summary>
    /// <param name="path">The key log file; created if missing, appended to otherwise.</param>
    /// <exception cref="InvalidOperationException">Key logging already goes to another file.</exception>
    public static TlsKeyLogStatus Enable(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fullPath = Path.GetFullPath(path);
        lock (Gate)
        {
            if (ActivePath is not null)
            {
                return string.Equals(ActivePath, fullPath, StringComparison.Ordinal)
                    ? TlsKeyLogStatus.Enabled
                    : throw new InvalidOperationException($"TLS keys already go to '{ActivePath}'; the runtime keeps one key log per process.");
            }

            AppContext.SetSwitch(Switch, true);
            AppContext.SetSwitch(NewerSwitch, true);
            var previous = Environment.GetEnvironmentVariable(EnvironmentVariable);
            Environment.SetEnvironmentVariable(EnvironmentVariable, fullPath);
            try
            {
                InitializeRuntimeTls();
            }
            finally
            {
                Environment.SetEnvironmentVariable(EnvironmentVariable, previous);
            }

            var status = CheckFileHeldOpen(fullPath);
            if (status != TlsKeyLogStatus.NotActive)
            {
                ActivePath = fullPath;
            }

            return status;
        }
    }

    /// <summary>Starts and abandons a client handshake so the runtime creates an OpenSSL context (and reads the settings) now.</summary>
    private static void InitializeRuntimeTls()
    {
        using var ssl = new SslStream(new NullDuplexStream());
        try
        {
            ssl.AuthenticateAsClient(new SslClientAuthenticationOptions
            {
                TargetHost = "keylog.invalid",
                AllowTlsResume = false,
            });
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            // Expected: the stream ends before any ServerHello.
        }
    }

    private static TlsKeyLogStatus CheckFileHeldOpen(string fullPath)
    {
        const string descriptors = "/proc/self/fd";
        if (!Directory.Exists(descriptors))
        {
            return TlsKeyLogStatus.Unverified;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(descriptors))
        {
            try
            {
                if (string.Equals(new FileInfo(entry).LinkTarget, fullPath, StringComparison.Ordinal))
                {
                    return TlsKeyLogStatus.Enabled;
                }
            }
            catch (IOException)
            {
                // The descriptor closed while we looked; it is not the key log.
            }
        }

        return TlsKeyLogStatus.NotActive;
    }
}
