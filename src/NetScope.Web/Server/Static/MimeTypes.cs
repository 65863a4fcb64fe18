namespace NetScope.Web.Server.Static;

/// <summary>
/// Content types by file extension, from a built-in table (no system files are read, so every machine
/// answers the same). Text types carry <c>charset=utf-8</c>.
/// </summary>
public static class MimeTypes
{
    /// <summary>The type for an unknown extension.</summary>
    public const string Default = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json",
        [".map"] = "application/json",
        [".webmanifest"] = "application/manifest+json",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".text"] = "text/plain; charset=utf-8",
        [".log"] = "text/plain; charset=utf-8",
        [".md"] = "text/markdown; charset=utf-8",
        [".csv"] = "text/csv; charset=utf-8",
        [".tsv"] = "text/tab-separated-values; charset=utf-8",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".toml"] = "application/toml",
        [".ini"] = "text/plain; charset=utf-8",
        [".conf"] = "text/plain; charset=utf-8",
        [".sh"] = "text/x-shellscript; charset=utf-8",
        [".py"] = "text/x-python; charset=utf-8",
        [".c"] = "text/x-c; charset=utf-8",
        [".h"] = "text/x-c; charset=utf-8",
        [".cs"] = "text/plain; charset=utf-8",
        [".rs"] = "text/plain; charset=utf-8",
        [".go"] = "text/plain; charset=utf-8",
        [".java"] = "text/plain; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".webp"] = "image/webp",
        [".avif"] = "image/avif",
        [".bmp"] = "image/bmp",
        [".ico"] = "image/vnd.microsoft.icon",
        [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".oga"] = "audio/ogg",
        [".flac"] = "audio/flac",
        [".m4a"] = "audio/mp4",
        [".mp4"] = "video/mp4",
        [".m4v"] = "video/mp4",
        [".webm"] = "video/webm",
        [".ogv"] = "video/ogg",
        [".mov"] = "video/quicktime",
        [".mkv"] = "video/x-matroska",
        [".pdf"] = "application/pdf",
        [".zip"] = "application/zip",
        [".gz"] = "application/gzip",
        [".tgz"] = "application/gzip",
        [".bz2"] = "application/x-bzip2",
        [".xz"] = "application/x-xz",
        [".zst"] = "application/zstd",
        [".tar"] = "application/x-tar",
        [".7z"] = "application/x-7z-compressed",
        [".wasm"] = "application/wasm",
        [".pem"] = "application/x-pem-file",
        [".crt"] = "application/x-x509-ca-cert",
        [".der"] = "application/x-x509-ca-cert",
        [".pcap"] = "application/vnd.tcpdump.pcap",
        [".pcapng"] = "application/vnd.tcpdump.pcap",
        [".bin"] = Default,
        [".exe"] = Default,
        [".iso"] = "application/x-iso9660-image",
    };

    /// <summary>The content type for <paramref name="fileName"/>, by its extension.</summary>
    /// <param name="fileName">A file name or path.</param>
    /// <returns>The type, or <see cref="Default"/>.</returns>
    public static string GetContentType(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        return extension.Length > 0 && ByExtension.TryGetValue(extension, out var type) ? type : Default;
    }
}
