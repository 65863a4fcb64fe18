using NetScope.Web.Server.Listeners;

namespace NetScope.Tui.Model;

/// <summary>Where and how to listen, as the dialog or <c>--listen</c> asked.</summary>
/// <param name="Kind">The listener kind's name.</param>
/// <param name="Host">The IP address to bind.</param>
/// <param name="Port">The port; 0 picks a free one.</param>
/// <param name="LineFraming">Line framing (for the kinds where it means something), raw otherwise.</param>
internal sealed record ListenRequest(string Kind, string Host, int Port, bool LineFraming)
{
    /// <summary>Serve over TLS with a self-signed certificate for localhost. <remarks>Defaults to plain TCP.</remarks></summary>
    public bool Tls { get; init; }

    /// <summary>For HTTP: files, an echo of each request, or a fixed answer. <remarks>Defaults to an echo.</remarks></summary>
    public HttpListenerMode HttpMode { get; init; } = HttpListenerMode.Echo;

    /// <summary>For HTTP files: the directory served. <remarks>Defaults to the current directory.</remarks></summary>
    public string? HttpRoot { get; init; }

    /// <summary>For a fixed HTTP answer: its status code. <remarks>Defaults to 200.</remarks></summary>
    public int HttpStatus { get; init; } = 200;
}
