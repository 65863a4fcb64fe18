using Microsoft.Extensions.Logging;
using NetScope.Core.Defer;
using NetScope.Core.Logging;

namespace NetScope.Core.Tests.Defer.Support;

/// <summary>
/// Base of the tests in <see cref="ProcessWideStateCollection"/>: remembers the process-wide
/// Deferred settings and puts them back after each test.
/// </summary>
public abstract class ProcessWideStateTest : IDisposable
{
    private readonly ILoggerFactory _savedFactory = NetScopeLogging.Factory;
    private readonly bool _savedDebugging = Deferred.Debugging;
    private readonly IDeferredObserver? _savedObserver = Deferred.Observer;

    public void Dispose()
    {
        Deferred.SetObserver(_savedObserver);
        Deferred.Debugging = _savedDebugging;
        NetScopeLogging.Factory = _savedFactory;
        GC.SuppressFinalize(this);
    }
}
