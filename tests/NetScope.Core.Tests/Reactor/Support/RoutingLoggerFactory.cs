using Microsoft.Extensions.Logging;

namespace NetScope.Core.Tests.Reactor.Support;

/// <summary>Hands out loggers that write to the <see cref="LogCapture"/> current when they log.</summary>
internal sealed class RoutingLoggerFactory : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RoutingLogger(categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }
}
