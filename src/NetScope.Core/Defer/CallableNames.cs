using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>Readable names for delegates, for chain views ("Session.OnConnected", "Main.&lt;lambda&gt;").</summary>
public static class CallableNames
{
    /// <summary>
    /// Describes <paramref name="callable"/> as <c>Type.Method</c>, turning compiler-generated
    /// names for lambdas and local functions into <c>Outer.Method.&lt;lambda&gt;</c>. An async
    /// method's continuation (what an <c>await</c> of a Deferred adds to its chain) is named after
    /// the method: <c>Type.Method (await)</c>. <see langword="null"/> is described as "passthru".
    /// </summary>
    public static string Describe(Delegate? callable)
    {
        if (callable is null)
        {
            return "passthru";
        }

        if (AsyncMethodOf(callable) is { } machine)
        {
            return $"{DescribeType(machine.DeclaringType)}.{OuterName(machine.Name)} (await)";
        }

        var method = callable.Method;
        var typeName = DescribeType(method.DeclaringType);
        var methodName = method.Name;
        if (methodName.StartsWith('<'))
        {
            // "<Main>b__0_0" is a lambda in Main; "<Main>g__Local|0_0" a local function named Local.
            var outer = OuterName(methodName);
            var localStart = methodName.IndexOf("g__", StringComparison.Ordinal);
            if (localStart >= 0)
            {
                var localEnd = methodName.IndexOf('|', localStart);
                var local = localEnd > localStart ? methodName[(localStart + 3)..localEnd] : methodName[(localStart + 3)..];
                return $"{typeName}.{outer}.{local}";
            }

            return $"{typeName}.{outer}.<lambda>";
        }

        return $"{typeName}.{methodName}";
    }

    /// <summary>
    /// <see langword="true"/> when <paramref name="callable"/> resumes an async method (the
    /// continuation an <c>await</c> hands to the awaiter), as observers receive for await links.
    /// </summary>
    public static bool IsAsyncContinuation(Delegate? callable) => callable is not null && AsyncMethodOf(callable) is not null;

    /// <summary>
    /// The state machine type behind an async method's continuation: the runtime's and this
    /// library's boxes are generic over it, so the type alone tells, without reading fields.
    /// </summary>
    private static Type? AsyncMethodOf(Delegate callable)
    {
        var boxType = callable.Target?.GetType();
        if (boxType is null || !boxType.IsGenericType)
        {
            return null;
        }

        foreach (var argument in boxType.GetGenericArguments())
        {
            if (typeof(IAsyncStateMachine).IsAssignableFrom(argument) && argument.DeclaringType is not null)
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>"&lt;Main&gt;b__0_0" and "&lt;RunAsync&gt;d__4" name their method between the brackets.</summary>
    private static string OuterName(string generatedName)
    {
        var close = generatedName.IndexOf('>', StringComparison.Ordinal);
        return generatedName.StartsWith('<') && close > 1 ? generatedName[1..close] : generatedName;
    }

    private static string DescribeType(Type? type)
    {
        // Closures live in nested types such as "<>c" or "<>c__DisplayClass3_0": name the user's type.
        while (type is not null && type.Name.StartsWith('<') && type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        if (type is null)
        {
            return "?";
        }

        var name = type.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        return tick > 0 ? name[..tick] : name;
    }
}
