using System.Runtime.CompilerServices;

namespace NetScope.Core.Defer;

/// <summary>
/// A <see cref="Deferred"/> whose first result is a <typeparamref name="T"/>: the same object
/// with the same semantics, plus typed firing and typed <c>await</c>. Callbacks may still
/// change the result's type down the chain, as in Twisted; awaiting casts the final result.
/// </summary>
/// <typeparam name="T">The type of the result the operation produces.</typeparam>
[AsyncMethodBuilder(typeof(DeferredMethodBuilder<>))]
public class Deferred<T> : Deferred
{
    /// <summary>Creates a Deferred without a canceller.</summary>
    public Deferred()
    {
    }

    /// <summary>Creates a Deferred with a canceller (see <see cref="Deferred(Action{Deferred})"/>).</summary>
    public Deferred(Action<Deferred>? canceller)
        : base(canceller)
    {
    }

    /// <summary>Fires the Deferred with <paramref name="result"/>.</summary>
    public void Callback(T result) => base.Callback(result);

    /// <summary>Adds a callback that receives the result as a <typeparamref name="T"/>.</summary>
    public Deferred AddCallback(Func<T, object?> callback) => AddCallback<T>(callback);

    /// <summary>Sets the label and returns this Deferred.</summary>
    public new Deferred<T> WithLabel(string label)
    {
        Label = label;
        return this;
    }

    /// <summary>Awaits the chain's final result as a <typeparamref name="T"/> (see <see cref="Deferred.GetAwaiter"/>).</summary>
    public new DeferredAwaiter<T> GetAwaiter() => new(this);
}
