using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using NetScope.Core.Defer;

namespace NetScope.Sessions.Deferreds;

/// <summary>
/// Readable names for the functions of a chain. Mostly <see cref="CallableNames.Describe"/>, but
/// the core's own adapters are seen through: an <c>await</c> is named after the async method that
/// awaits ("ScriptRunner.RunSteps (await)"), and a typed <c>AddCallback&lt;T&gt;</c> after the
/// callback it wraps.
/// </summary>
internal static class LinkNames
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
    private static readonly ConcurrentDictionary<MethodInfo, string> Plain = new();
    private static readonly string CoreNamespace = typeof(Deferred).Namespace!;

    public static string Describe(Delegate? callable) => Describe(callable, depth: 0);

    private static string Describe(Delegate? callable, int depth)
    {
        if (callable is null)
        {
            return "passthru";
        }

        var declaring = callable.Method.DeclaringType;
        if (depth < 3 && callable.Target is { } target && declaring?.Namespace == CoreNamespace)
        {
            if (declaring.Name == "AwaitState" && Find<Delegate>(target) is { } continuation)
            {
                return DescribeContinuation(continuation);
            }

            if (callable.Method.Name.Contains("AddCallback", StringComparison.Ordinal) && Find<Delegate>(target) is { } wrapped)
            {
                return Describe(wrapped, depth + 1);
            }
        }

        return Plain.GetOrAdd(callable.Method, static (_, d) => CallableNames.Describe(d), callable);
    }

    /// <summary>An await's continuation resumes a state machine: name the async method it belongs to.</summary>
    private static string DescribeContinuation(Delegate continuation)
    {
        if (continuation.Target is { } box && Find<IAsyncStateMachine>(box) is { } machine)
        {
            var type = machine.GetType();
            var name = type.Name;
            var close = name.IndexOf('>', StringComparison.Ordinal);
            var method = name.StartsWith('<') && close > 1 ? name[1..close] : name;
            var owner = type.DeclaringType?.Name ?? "?";
            var tick = owner.IndexOf('`', StringComparison.Ordinal);
            return $"{(tick > 0 ? owner[..tick] : owner)}.{method} (await)";
        }

        return CallableNames.Describe(continuation) + " (await)";
    }

    private static T? Find<T>(object target)
        where T : class
    {
        foreach (var field in target.GetType().GetFields(InstanceFields))
        {
            if (field.GetValue(target) is T found && !ReferenceEquals(found, target))
            {
                return found;
            }
        }

        return null;
    }
}
