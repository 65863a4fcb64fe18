using NetScope.Web.Http;

namespace NetScope.Web.Server.Static;

/// <summary>
/// Maps request path segments to a real path inside a root directory, refusing everything that could leave
/// it: <c>..</c> and <c>.</c>, empty segments, segments holding a slash or backslash (which only an encoded
/// <c>%2F</c> or <c>%5C</c> can produce), NUL and other control characters, rooted names, and symbolic links
/// anywhere on the way whose target lies outside the root.
/// </summary>
/// <remarks>
/// Links are resolved here one component at a time, as realpath(3) does, so a link inside a link's target is
/// followed too, and loops end after <see cref="MaxLinks"/> links.
/// </remarks>
internal static class SafePath
{
    private const int MaxLinks = 40;

    private static readonly char[] InvalidNameChars = Path.GetInvalidFileNameChars();

    /// <summary>Why <see cref="TryResolve"/> refused a path, for the log.</summary>
    public enum Outcome
    {
        Found,
        Missing,
        UnsafeSegment,
        OutsideRoot,
    }

    /// <summary>Whether a decoded segment may name an entry of a directory.</summary>
    public static bool IsSafeSegment(string segment) =>
        HttpPath.IsSafeFileName(segment) && !Path.IsPathRooted(segment) && segment.IndexOfAny(InvalidNameChars) < 0;

    /// <summary>Resolves <paramref name="segments"/> (no empty ones) under <paramref name="realRoot"/>.</summary>
    public static Outcome TryResolve(string realRoot, IReadOnlyList<string> segments, out string realPath)
    {
        realPath = realRoot;
        foreach (var segment in segments)
        {
            if (!IsSafeSegment(segment))
            {
                return Outcome.UnsafeSegment;
            }
        }

        var candidate = segments.Count == 0 ? realRoot : Path.Join([realRoot, .. segments]);
        var resolved = RealPath(candidate);
        if (resolved is null)
        {
            return Outcome.Missing;
        }

        if (!IsWithin(resolved, realRoot))
        {
            return Outcome.OutsideRoot;
        }

        realPath = resolved;
        return Outcome.Found;
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or below it (both real, absolute paths).</summary>
    public static bool IsWithin(string path, string root)
    {
        if (string.Equals(path, root, StringComparison.Ordinal))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>The absolute path with every symbolic link resolved, or <see langword="null"/> when a component is missing or links loop.</summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var resolved = Path.GetPathRoot(full) ?? "/";
        var remaining = new Stack<string>(Split(full[resolved.Length..]).Reverse());
        var links = 0;
        while (remaining.Count > 0)
        {
            var component = remaining.Pop();
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                resolved = Path.GetDirectoryName(resolved) ?? resolved;
                continue;
            }

            var next = Path.Join(resolved, component);
            FileSystemInfo entry = new FileInfo(next);
            string? target;
            try
            {
                target = entry.LinkTarget;
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                if (!File.Exists(next) && !Directory.Exists(next))
                {
                    return null;
                }

                resolved = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                return null;
            }

            // Walk the link's target from where the link lives (or from the root for an absolute target).
            if (Path.IsPathRooted(target))
            {
                resolved = Path.GetPathRoot(target) ?? "/";
                target = target[resolved.Length..];
            }

            foreach (var part in Split(target).Reverse())
            {
                remaining.Push(part);
            }
        }

        return resolved;
    }

    private static IEnumerable<string> Split(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
}
