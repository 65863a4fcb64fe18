namespace NetScope.Core.Defer;

/// <content>Ready-made Deferreds: Twisted's <c>succeed</c>, <c>fail</c>, <c>maybeDeferred</c>, <c>gatherResults</c>.</content>
public partial class Deferred
{
    /// <summary>A Deferred already fired with <paramref name="result"/>.</summary>
    public static Deferred<T> Succeed<T>(T result)
    {
        var deferred = new Deferred<T>();
        deferred.Callback(result);
        return deferred;
    }

    /// <summary>A Deferred already failed with <paramref name="failure"/>.</summary>
    public static Deferred Fail(Failure failure)
    {
        var deferred = new Deferred();
        deferred.Errback(failure);
        return deferred;
    }

    /// <summary>A Deferred already failed with <paramref name="exception"/>.</summary>
    public static Deferred Fail(Exception exception) => Fail(new Failure(exception));

    /// <summary>
    /// Calls <paramref name="function"/> and returns its result as a Deferred: a Deferred it
    /// returns is passed back as is, a <see cref="Failure"/> or a thrown exception becomes a
    /// failed Deferred, and any other value a fired one.
    /// </summary>
    public static Deferred MaybeDeferred(Func<object?> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        object? result;
        try
        {
            result = function();
        }
        catch (Exception exception)
        {
            return Fail(exception);
        }

        return result switch
        {
            Deferred deferred => deferred,
            Failure failure => Fail(failure),
            _ => Succeed(result),
        };
    }

    /// <summary>
    /// A Deferred that fires with the list of results of <paramref name="deferreds"/> once all
    /// of them have fired, or fails with a <see cref="FirstErrorException"/> at the first
    /// failure. With <paramref name="consumeErrors"/>, failures do not continue down the
    /// individual Deferreds' chains. Cancelling it cancels every Deferred in the list.
    /// </summary>
    public static Deferred GatherResults(IEnumerable<Deferred> deferreds, bool consumeErrors = false)
    {
        var list = new DeferredList(deferreds, fireOnOneErrback: true, consumeErrors: consumeErrors);
        list.AddCallback(static results =>
        {
            var items = (IReadOnlyList<DeferredListItem>)results!;
            var values = new object?[items.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = items[i].Result;
            }

            return values;
        });
        return list;
    }
}
