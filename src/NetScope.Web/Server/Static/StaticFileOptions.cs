namespace NetScope.Web.Server.Static;

/// <summary>Settings of a <see cref="StaticFile"/>.</summary>
public sealed class StaticFileOptions
{
    /// <summary>The defaults.</summary>
    public static StaticFileOptions Default { get; } = new();

    /// <summary>Whether a directory without an index file is answered with an HTML listing (else 403). <remarks>Defaults to <see langword="true"/>.</remarks></summary>
    public bool ListDirectories { get; init; } = true;

    /// <summary>The files served for a directory, first found first. <remarks>Defaults to index.html and index.htm.</remarks></summary>
    public IReadOnlyList<string> IndexNames { get; init; } = ["index.html", "index.htm"];

    /// <summary>
    /// How many bytes of a file are read at a time (on the reactor's thread pool), which is also about how much
    /// memory a file being sent holds besides the connection's write buffer. <remarks>Defaults to 64 KiB.</remarks>
    /// </summary>
    public int ChunkSize { get; init; } = 64 * 1024;

    /// <summary>
    /// Whether file data the page cache already holds is copied on the reactor thread, with a read that never
    /// waits for the disk (Linux's RWF_NOWAIT), instead of going to the thread pool chunk by chunk. Only data
    /// that is not cached then costs a thread hop. <remarks>Defaults to <see langword="true"/>; where non-blocking
    /// reads do not exist every read goes to the pool anyway.</remarks>
    /// </summary>
    public bool ReadCachedDataInline { get; init; } = true;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(IndexNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(ChunkSize, 1, nameof(ChunkSize));
    }
}
