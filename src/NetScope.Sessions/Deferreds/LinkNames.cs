using System.Collections.Concurrent;
using System.Reflection;
using NetScope.Core.Defer;

namespace NetScope.Sessions.Deferreds;

/// <summary>
/// Readable names for the functions of a chain, cached. The core hands observers the user's own
/// delegate (the typed callback, the awaiting method's continuation), so
/// <see cref="CallableNames.Describe"/> names it without looking inside adapters.
/// </summary>
internal static class LinkNames
{
    // Keyed by method and target type: an await's continuation is one method of a box that is
    // generic over the awaiting method's state machine, so the method alone does not tell.
    private static readonly ConcurrentDictionary<(MethodInfo Method, Type? Target), string> Cache = new();

    public static string Describe(Delegate? callable) =>
        callable is null
            ? "passthru"
            : Cache.GetOrAdd((callable.Method, callable.Target?.GetType()), static (_, d) => CallableNames.Describe(d), callable);
}
