using System.Buffers;
using System.Globalization;
using System.Text;
using NetScope.Web.Http;

namespace NetScope.Web.Server.Static;

/// <summary>The lookup, run on a pool thread: from path segments and conditional headers to a <see cref="StaticPlan"/>.</summary>
public sealed partial class StaticFile
{
    private static readonly byte[] NotFoundPage = Encoding.UTF8.GetBytes(ErrorPage.BuildPage(404, "No Such Resource", "File not found."));
    private static readonly byte[] NoListingPage = Encoding.UTF8.GetBytes(ErrorPage.BuildPage(403, "Forbidden Resource", "Directory listing is turned off."));
    private static readonly byte[] UnreadablePage = Encoding.UTF8.GetBytes(ErrorPage.BuildPage(403, "Forbidden Resource", "The file may not be read."));

    private StaticPlan Plan(StaticQuery query)
    {
        var segments = query.Segments;
        var trailingSlash = segments.Length > 0 && segments[^1].Length == 0;
        var names = trailingSlash ? segments[..^1] : segments;
        if (Array.IndexOf(names, string.Empty) >= 0)
        {
            return NotFound("an empty path segment");
        }

        switch (SafePath.TryResolve(_realRoot, names, out var real))
        {
            case SafePath.Outcome.UnsafeSegment:
                return NotFound("a segment that is not a plain file name");
            case SafePath.Outcome.OutsideRoot:
                return NotFound("it leads outside the root");
            case SafePath.Outcome.Missing:
                return NotFound(null);
        }

        if (!_rootIsDirectory)
        {
            // A single file is served at its own path, with or without a trailing slash, and nothing below it.
            return names.Length == 0 ? PlanFile(query, real) : NotFound(null);
        }

        if (!Directory.Exists(real))
        {
            // A file asked for as a directory ("/a.txt/") does not exist, as nginx and Apache say.
            return trailingSlash ? NotFound(null) : PlanFile(query, real);
        }

        if (!trailingSlash)
        {
            // "./" keeps the redirect relative to this very path, whatever the segment looks like.
            var lastSlash = query.RawPath.LastIndexOf('/');
            var location = "./" + query.RawPath[(lastSlash + 1)..] + "/" + (query.Query.Length > 0 ? "?" + query.Query : string.Empty);
            var redirect = new HttpHeaders();
            redirect.Add(HttpHeaderNames.Location, location);
            redirect.Add(HttpHeaderNames.ContentType, "text/plain; charset=utf-8");
            return new StaticPlan(301, redirect) { Body = Encoding.UTF8.GetBytes($"Moved to {location}\n") };
        }

        foreach (var index in Options.IndexNames)
        {
            if (SafePath.TryResolve(_realRoot, [.. names, index], out var indexPath) == SafePath.Outcome.Found && File.Exists(indexPath))
            {
                return PlanFile(query, indexPath);
            }
        }

        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.ContentType, "text/html; charset=utf-8");
        if (!Options.ListDirectories)
        {
            return new StaticPlan(403, headers) { Body = NoListingPage, RealPath = real };
        }

        return new StaticPlan(200, headers) { Body = DirectoryListing.Render(query.DisplayPath, real, _realRoot), RealPath = real };
    }

    private StaticPlan PlanFile(StaticQuery query, string real)
    {
        Microsoft.Win32.SafeHandles.SafeFileHandle file;
        try
        {
            file = FileOpener.OpenForReading(real);
        }
        catch (UnauthorizedAccessException)
        {
            return Page(403, UnreadablePage, real);
        }
        catch (IOException)
        {
            return NotFound(null);
        }

        try
        {
            var opened = FileOpener.OpenedPath(file);
            if (opened is not null && !SafePath.IsWithin(opened, _realRoot))
            {
                file.Dispose();
                return NotFound("the opened file lies outside the root (a link appeared on the way)");
            }

            var length = RandomAccess.GetLength(file);
            var lastWrite = new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero);
            var lastModified = Validators.ToSeconds(lastWrite);
            var etag = Validators.MakeETag(lastWrite, length);
            var headers = new HttpHeaders();
            headers.Add(HttpHeaderNames.ETag, etag);
            headers.Add(HttpHeaderNames.LastModified, HttpDate.Format(lastModified));

            var condition = Validators.Evaluate(query, etag, lastModified);
            if (condition != 0)
            {
                file.Dispose();
                return condition == 304
                    ? new StaticPlan(304, headers) { RealPath = real }
                    : Text(412, headers, "The precondition of the request does not hold.", real);
            }

            headers.Add(HttpHeaderNames.AcceptRanges, "bytes");
            var status = 200;
            var offset = 0L;
            var count = length;
            if (query.Method == HttpMethods.Get && Validators.IfRangeHolds(query.IfRange, etag, lastModified, query.Now))
            {
                switch (ByteRange.Parse(query.Range, length, out var range))
                {
                    case ByteRange.Outcome.Satisfiable:
                        status = 206;
                        offset = range.First;
                        count = range.Length;
                        headers.Add(HttpHeaderNames.ContentRange, range.ToContentRange(length));
                        break;
                    case ByteRange.Outcome.Unsatisfiable:
                        file.Dispose();
                        headers.Add(HttpHeaderNames.ContentRange, string.Create(CultureInfo.InvariantCulture, $"bytes */{length}"));
                        return Text(416, headers, "The range lies outside the file.", real);
                }
            }

            headers.Add(HttpHeaderNames.ContentType, MimeTypes.GetContentType(real));
            headers.Add(HttpHeaderNames.ContentLength, count.ToString(CultureInfo.InvariantCulture));
            var plan = new StaticPlan(status, headers) { RealPath = real, Offset = offset, Length = count };
            if (query.IsHead || count == 0)
            {
                file.Dispose();
                return plan;
            }

            // Read the first chunk while on the pool thread anyway: a small file is then answered in one step.
            var first = (int)Math.Min(Options.ChunkSize, count);
            var buffer = ArrayPool<byte>.Shared.Rent(first);
            plan.FirstChunk = buffer;
            plan.FirstChunkLength = RandomAccess.Read(file, buffer.AsSpan(0, first), offset);
            plan.File = file;
            if (plan.FirstChunkLength <= 0)
            {
                plan.Dispose();
                throw new IOException($"{real} shrank while it was being read.");
            }

            return plan;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private static StaticPlan NotFound(string? refusal)
    {
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.ContentType, "text/html; charset=utf-8");
        return new StaticPlan(404, headers) { Body = NotFoundPage, Refusal = refusal };
    }

    private static StaticPlan Page(int status, byte[] page, string real)
    {
        var headers = new HttpHeaders();
        headers.Add(HttpHeaderNames.ContentType, "text/html; charset=utf-8");
        return new StaticPlan(status, headers) { Body = page, RealPath = real };
    }

    private static StaticPlan Text(int status, HttpHeaders headers, string message, string real)
    {
        headers.Add(HttpHeaderNames.ContentType, "text/plain; charset=utf-8");
        return new StaticPlan(status, headers) { Body = Encoding.UTF8.GetBytes(message + "\n"), RealPath = real };
    }
}
