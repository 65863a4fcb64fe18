using Microsoft.Extensions.Logging;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>One message the engine logged while a test ran.</summary>
internal sealed record LoggedEvent(LogLevel Level, EventId EventId, string Category, string Message, Exception? Exception)
{
    public override string ToString() =>
        $"[{Level} {EventId.Id}] {Category}: {Message}{(Exception is null ? string.Empty : Environment.NewLine + Exception)}";
}
