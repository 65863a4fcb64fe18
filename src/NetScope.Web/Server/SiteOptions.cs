using NetScope.Web.Http;

namespace NetScope.Web.Server;

/// <summary>Limits, timeouts and defaults of a <see cref="Site"/>.</summary>
public sealed class SiteOptions
{
    /// <summary>The defaults.</summary>
    public static SiteOptions Default { get; } = new();

    /// <summary>
    /// The request parser's limits: request line (414), header section and count (431), body size (413).
    /// <remarks>Defaults to <see cref="HttpParserOptions.RequestDefaults"/>.</remarks>
    /// </summary>
    public HttpParserOptions ParserOptions { get; init; } = HttpParserOptions.RequestDefaults;

    /// <summary>
    /// How long a client has to send a whole request head, from its first byte (or from the moment the
    /// connection opens). Past it the server answers 408 and closes. <remarks>Defaults to 30 seconds.</remarks>
    /// </summary>
    public TimeSpan HeaderTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a kept-alive connection may wait for its next request (closed silently after it), and how long
    /// a request body may pause between two reads (408 and close after it). <remarks>Defaults to 75 seconds, as nginx.</remarks>
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(75);

    /// <summary>
    /// After an answer that ends the connection, how long the server keeps reading (and discarding) what the
    /// client still sends, so that closing with unread data does not reset the connection before the client has
    /// read the answer. <remarks>Defaults to 2 seconds; zero closes at once.</remarks>
    /// </summary>
    public TimeSpan LingerTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How many bytes of pipelined requests are read ahead while an earlier response is still being produced;
    /// past it the connection stops reading until the response is done. Reading ahead a little is what lets the
    /// server notice that a client went away during a slow response.
    /// <remarks>Defaults to 64 KiB.</remarks>
    /// </summary>
    public int MaxPipelinedBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// The largest request body kept in memory; a larger one is spilled to a temporary file that is deleted when
    /// the request ends. <remarks>Defaults to 1 MiB.</remarks>
    /// </summary>
    public int BodyMemoryLimit { get; init; } = 1024 * 1024;

    /// <summary>The value of the <c>Server</c> header, or <see langword="null"/> to send none. <remarks>Defaults to "NetScope".</remarks></summary>
    public string? ServerName { get; init; } = "NetScope";

    /// <summary>
    /// The <c>Content-Type</c> sent with a body when the resource set none, or <see langword="null"/> for none.
    /// <remarks>Defaults to "text/html; charset=utf-8", as twisted.web's <c>text/html</c>.</remarks>
    /// </summary>
    public string? DefaultContentType { get; init; } = "text/html; charset=utf-8";

    /// <summary>Where wall-clock time for <c>Date</c> headers and log entries comes from. <remarks>Defaults to <see cref="TimeProvider.System"/>.</remarks></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Misbehaviour for testing clients: send response bodies at this many bytes per second (the heads go out
    /// at once), pausing producers meanwhile. <remarks>Defaults to <see langword="null"/>: full speed.</remarks>
    /// </summary>
    public double? DripBytesPerSecond { get; init; }

    /// <summary>
    /// Misbehaviour for testing clients: close each connection once this many response bytes (heads included)
    /// have been sent on it, cutting the response there. <remarks>Defaults to <see langword="null"/>: never.</remarks>
    /// </summary>
    public long? CloseAfterBytes { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(ParserOptions);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ThrowIfNotPositive(HeaderTimeout, nameof(HeaderTimeout));
        ThrowIfNotPositive(IdleTimeout, nameof(IdleTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(LingerTimeout, TimeSpan.Zero, nameof(LingerTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxPipelinedBytes, 1, nameof(MaxPipelinedBytes));
        ArgumentOutOfRangeException.ThrowIfNegative(BodyMemoryLimit, nameof(BodyMemoryLimit));
        if (DripBytesPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentOutOfRangeException(nameof(DripBytesPerSecond), rate, "The drip rate must be a positive number of bytes per second.");
        }

        if (CloseAfterBytes is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(CloseAfterBytes));
        }

        if (ServerName is not null && !HttpSyntax.IsValidFieldValue(ServerName))
        {
            throw new ArgumentException("The server name is not a valid header value.", nameof(ServerName));
        }

        if (DefaultContentType is not null && !HttpSyntax.IsValidFieldValue(DefaultContentType))
        {
            throw new ArgumentException("The default content type is not a valid header value.", nameof(DefaultContentType));
        }
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "The timeout must be positive.");
        }
    }
}
