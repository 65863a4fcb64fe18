using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using NetScope.Core.Tls;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>
/// nginx (Debian's nginx-light) serving a temporary directory on a free loopback port, with a generated
/// configuration: static files over http and https, gzip for text, and two redirects. It runs as a daemon;
/// only its master, by the PID in its own pid file, is stopped at the end.
/// </summary>
internal sealed class NginxServer : IDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private NginxServer(string directory, int port, int tlsPort, int masterPid, X509Certificate2 certificate)
    {
        Directory = directory;
        Port = port;
        TlsPort = tlsPort;
        MasterPid = masterPid;
        Certificate = certificate;
    }

    /// <summary>The port of the https server (same files, a self-signed certificate for localhost and 127.0.0.1).</summary>
    public int TlsPort { get; }

    /// <summary>The https server's certificate, to trust it.</summary>
    public X509Certificate2 Certificate { get; }

    public string TlsUrl(string path) => $"https://127.0.0.1:{TlsPort}{path}";

    public string Directory { get; }

    public string Root => Path.Combine(Directory, "root");

    public int Port { get; }

    public int MasterPid { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    public static async Task<NginxServer> StartAsync(Action<string> populateRoot)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("netscope-nginx-").FullName;
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "root"));
        populateRoot(Path.Combine(directory, "root"));

        // Started as root, nginx serves from worker processes of another user: they must be able to read the files.
        var readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead
            | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, readable);
            File.SetUnixFileMode(Path.Combine(directory, "root"), readable);
        }
        var certificate = TlsCertificates.CreateSelfSignedLocalhost(TimeProvider.System);
        using (var key = certificate.GetECDsaPrivateKey()!)
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "cert.pem"), certificate.ExportCertificatePem() + "\n");
            await File.WriteAllTextAsync(Path.Combine(directory, "key.pem"), key.ExportPkcs8PrivateKeyPem() + "\n");
        }

        // nginx cannot bind port 0 and say which ports it got, so it is given two free ones. Another
        // process may take one before nginx binds it: then nginx says so and it starts on two others.
        for (var attempt = 1; ; attempt++)
        {
            var ports = PeerProcess.FreePorts(2);
            var (exitCode, output) = await TryStartAsync(directory, ports[0], ports[1]);
            if (exitCode == 0)
            {
                var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(directory, "nginx.pid"))).Trim(), CultureInfo.InvariantCulture);
                return new NginxServer(directory, ports[0], ports[1], pid, certificate);
            }

            Assert.True(attempt < 3 && output.Contains("Address already in use", StringComparison.Ordinal), $"nginx did not start ({exitCode}): {output}");
        }
    }

    /// <summary>Writes the configuration for <paramref name="port"/> and <paramref name="tlsPort"/> and starts nginx on it.</summary>
    private static async Task<(int ExitCode, string Output)> TryStartAsync(string directory, int port, int tlsPort)
    {
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon on;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 64; }
            http {
                access_log {{directory}}/access.log;
                client_body_temp_path {{directory}}/body;
                proxy_temp_path {{directory}}/proxy;
                fastcgi_temp_path {{directory}}/fastcgi;
                uwsgi_temp_path {{directory}}/uwsgi;
                scgi_temp_path {{directory}}/scgi;
                default_type application/octet-stream;
                types { text/plain txt; }
                sendfile on;
                keepalive_timeout 60s;
                server {
                    listen 127.0.0.1:{{port}};
                    listen 127.0.0.1:{{tlsPort}} ssl;
                    ssl_certificate {{directory}}/cert.pem;
                    ssl_certificate_key {{directory}}/key.pem;
                    root {{directory}}/root;
                    gzip on;
                    gzip_min_length 1;
                    gzip_types text/plain;
                    location = /old { return 301 /hello.txt; }
                    location = /absolute { return 302 http://127.0.0.1:{{port}}/old; }
                }
            }
            """);

        // As a daemon, nginx returns once its master holds the listening socket and has written its pid file.
        return await RunAsync(Binary, "-e", Path.Combine(directory, "error.log"), "-p", directory, "-c", config);
    }

    public void Dispose()
    {
        try
        {
            using var master = Process.GetProcessById(MasterPid);
            master.Kill(entireProcessTree: true);
            master.WaitForExit(10_000);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }

        System.IO.Directory.Delete(Directory, recursive: true);
        Certificate.Dispose();
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        return (process.ExitCode, await output + await process.StandardOutput.ReadToEndAsync());
    }
}
