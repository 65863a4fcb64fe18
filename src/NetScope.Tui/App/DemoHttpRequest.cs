using NetScope.Tui.Model;
using NetScope.Web.Http;

namespace NetScope.Tui.App;

/// <summary>
/// A demo http session (kind http, the one F2 opens) GETting <see cref="Path"/> from the listener named
/// <see cref="Listener"/>: its transcript shows the request and the answer, its Timing tab the HTTP phases.
/// </summary>
internal sealed class DemoHttpRequest : IDemoPart
{
    public DemoHttpRequest(string listener, string path)
    {
        Listener = listener;
        Path = path;
    }

    /// <summary>The name of the listener to ask.</summary>
    public string Listener { get; }

    /// <summary>The path requested.</summary>
    public string Path { get; }

    /// <inheritdoc/>
    public Task<long?> StartAsync(DemoContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var url = HttpUrl.Parse($"http://{context.Addresses[Listener]}{Path}");
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.UserAgent, "netscope-demo");
        var request = OpenRequest.ForHttp(new HttpRequestSpec(HttpMethods.Get, url) { Headers = headers });
        var kind = context.Catalog.FindSession(request.Kind) ?? throw new InvalidOperationException("no http sessions in this build");
        return context.Commands.Open(kind.Create(request)).ContinueWith(_ => (long?)null, TaskScheduler.Default);
    }
}
