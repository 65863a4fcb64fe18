using System.Runtime.ExceptionServices;

namespace NetScope.Core.Defer;

/// <summary>
/// An error travelling down a <see cref="Deferred"/>'s errback chain: Twisted's <c>Failure</c>.
/// </summary>
/// <remarks>
/// A Failure wraps the exception that caused it. Errbacks receive it, may inspect it with
/// <see cref="Check"/>, re-throw anything they do not handle with <see cref="Trap"/>, or
/// return a value to switch the chain back to the callback path.
/// </remarks>
public sealed class Failure
{
    /// <summary>Wraps <paramref name="exception"/> in a Failure.</summary>
    public Failure(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Value = exception;
    }

    /// <summary>The exception this Failure carries.</summary>
    public Exception Value { get; }

    /// <summary>The runtime type of <see cref="Value"/>.</summary>
    public Type Type => Value.GetType();

    /// <summary>
    /// Returns the first of <paramref name="errorTypes"/> that <see cref="Value"/> is an instance of
    /// (the type itself or a base type), or <see langword="null"/> if none matches.
    /// </summary>
    public Type? Check(params Type[] errorTypes)
    {
        foreach (var errorType in errorTypes)
        {
            if (errorType.IsInstanceOfType(Value))
            {
                return errorType;
            }
        }

        return null;
    }

    /// <summary><see langword="true"/> when <see cref="Value"/> is a <typeparamref name="TException"/>.</summary>
    public bool Check<TException>()
        where TException : Exception => Value is TException;

    /// <summary>
    /// Returns the matching type if <see cref="Value"/> is one of <paramref name="errorTypes"/>;
    /// otherwise re-throws the original exception (with its stack trace), so an errback that
    /// only handles some errors passes the others down the chain.
    /// </summary>
    public Type Trap(params Type[] errorTypes)
    {
        var match = Check(errorTypes);
        if (match is null)
        {
            RaiseException();
        }

        return match!;
    }

    /// <summary>Typed form of <see cref="Trap(Type[])"/>: returns the exception when it matches, else re-throws it.</summary>
    public TException Trap<TException>()
        where TException : Exception
    {
        if (Value is TException matched)
        {
            return matched;
        }

        RaiseException();
        return null!;
    }

    /// <summary>Throws the wrapped exception, preserving its original stack trace.</summary>
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public void RaiseException() => ExceptionDispatchInfo.Capture(Value).Throw();

    /// <summary>The exception's message.</summary>
    public string GetErrorMessage() => Value.Message;

    /// <summary>A short one-line description: the exception type and its message.</summary>
    public string GetBriefTraceback() => $"{Value.GetType().Name}: {Value.Message}";

    /// <summary>The full description of the exception, with its stack trace.</summary>
    public string GetTraceback() => Value.ToString();

    /// <inheritdoc/>
    public override string ToString() => $"[Failure instance: {GetBriefTraceback()}]";
}
