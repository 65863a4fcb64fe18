namespace NetScope.Core.Defer;

/// <summary>Readable names for delegates, for chain views ("Session.OnConnected", "Main.&lt;lambda&gt;").</summary>
public static class CallableNames
{
    /// <summary>
    /// Describes <paramref name="callable"/> as <c>Type.Method</c>, turning compiler-generated
    /// names for lambdas and local functions into <c>Outer.Method.&lt;lambda&gt;</c>.
    /// <see langword="null"/> is described as "passthru".
    /// </summary>
    public static string Describe(Delegate? callable)
    {
        if (callable is null)
        {
            return "passthru";
        }

        var method = callable.Method;
        var typeName = DescribeType(method.DeclaringType);
        var methodName = method.Name;
        if (methodName.StartsWith('<'))
        {
            // "<Main>b__0_0" is a lambda in Main; "<Main>g__Local|0_0" a local function named Local.
            var close = methodName.IndexOf('>', StringComparison.Ordinal);
            var outer = close > 1 ? methodName[1..close] : "?";
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
