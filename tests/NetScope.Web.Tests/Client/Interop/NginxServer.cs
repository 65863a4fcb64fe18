using System.Diagnostics;
using System.Globalization;

namespace NetScope.Web.Tests.Client.Interop;

/// <summary>
/// nginx (Debian's nginx-light) serving a temporary directory on a free loopback port, with a generated
/// configuration: static files, gzip for text, two redirects, and an access log that names each request's
/// connection. It runs as a daemon; only its master, by the PID in its own pid file, is stopped at the end.
/// </summary>
internal sealed class NginxServer : IDisposable
{
    private const string Binary = "/usr/sbin/nginx";

    private NginxServer(string directory, int port, int masterPid)
    {
        Directory = directory;
        Port = port;
        MasterPid = masterPid;
    }

    public string Directory { get; }

    public string Root => Path.Combine(Directory, "root");

    public int Port { get; }

    public int MasterPid { get; }

    public string Url(string path) => $"http://127.0.0.1:{Port}{path}";

    /// <summary>The connection number of each request logged so far, in order.</summary>
    public IReadOnlyList<long> LoggedConnections() =>
        File.Exists(Path.Combine(Directory, "access.log"))
            ? File.ReadAllLines(Path.Combine(Directory, "access.log")).Select(line => long.Parse(line.Split(' ')[0], CultureInfo.InvariantCulture)).ToArray()
            : [];

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
        var port = PeerProcess.FreePort();
        var config = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(config, $$"""
            worker_processes 1;
            daemon on;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log;
            events { worker_connections 64; }
            http {
                log_format connections '$connection $connection_requests $request';
                access_log {{directory}}/access.log connections;
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
        var (exitCode, output) = await RunAsync(Binary, "-e", Path.Combine(directory, "error.log"), "-p", directory, "-c", config);
        Assert.True(exitCode == 0, $"nginx did not start ({exitCode}): {output}");
        var pid = int.Parse((await File.ReadAllTextAsync(Path.Combine(directory, "nginx.pid"))).Trim(), CultureInfo.InvariantCulture);
        return new NginxServer(directory, port, pid);
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
