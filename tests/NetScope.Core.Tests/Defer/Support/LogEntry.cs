using Microsoft.Extensions.Logging;

namespace NetScope.Core.Tests.Defer.Support;

/// <summary>One entry written through <see cref="CapturingLoggerFactory"/>.</summary>
internal sealed record LogEntry(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);
