using System.Globalization;
using System.Net;
using System.Text;

namespace NetScope.Web.Server.Static;

/// <summary>
/// The HTML listing of a directory: names HTML-escaped in the text and percent-encoded in the links,
/// directories first, entries whose links lead out of the root left out.
/// </summary>
internal static class DirectoryListing
{
    public static byte[] Render(string displayPath, string realDirectory, string realRoot)
    {
        var entries = new List<(string Name, bool IsDirectory, long Size, DateTime Modified)>();
        foreach (var entry in new DirectoryInfo(realDirectory).EnumerateFileSystemInfos())
        {
            var isDirectory = entry is DirectoryInfo;
            var size = entry is FileInfo file ? file.Length : -1;
            var modified = entry.LastWriteTimeUtc;
            if (entry.LinkTarget is not null)
            {
                // A link is listed only when it leads somewhere inside the root, and as what it leads to.
                var target = SafePath.RealPath(entry.FullName);
                if (target is null || !SafePath.IsWithin(target, realRoot))
                {
                    continue;
                }

                isDirectory = Directory.Exists(target);
                var info = isDirectory ? (FileSystemInfo)new DirectoryInfo(target) : new FileInfo(target);
                size = info is FileInfo targetFile ? targetFile.Length : -1;
                modified = info.LastWriteTimeUtc;
            }

            entries.Add((entry.Name, isDirectory, size, modified));
        }

        entries.Sort((a, b) => a.IsDirectory != b.IsDirectory ? (a.IsDirectory ? -1 : 1) : string.CompareOrdinal(a.Name, b.Name));
        var title = WebUtility.HtmlEncode(displayPath);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Index of ").Append(title).Append("</title>\n")
            .Append("<style>body{font-family:monospace}td{padding:0 1.5em 0 0}</style></head>\n")
            .Append("<body><h1>Index of ").Append(title).Append("</h1>\n<table>\n")
            .Append("<tr><th align=\"left\">Name</th><th align=\"right\">Size</th><th align=\"left\">Last modified</th></tr>\n");
        if (!string.Equals(realDirectory, realRoot, StringComparison.Ordinal))
        {
            html.Append("<tr><td><a href=\"../\">../</a></td><td></td><td></td></tr>\n");
        }

        foreach (var (name, isDirectory, size, modified) in entries)
        {
            var suffix = isDirectory ? "/" : string.Empty;
            html.Append("<tr><td><a href=\"").Append(System.Uri.EscapeDataString(name)).Append(suffix).Append("\">")
                .Append(WebUtility.HtmlEncode(name)).Append(suffix).Append("</a></td><td align=\"right\">")
                .Append(isDirectory ? "-" : size.ToString(CultureInfo.InvariantCulture)).Append("</td><td>")
                .Append(modified.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        html.Append("</table></body></html>\n");
        return Encoding.UTF8.GetBytes(html.ToString());
    }
}
