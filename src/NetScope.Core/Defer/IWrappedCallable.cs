namespace NetScope.Core.Defer;

/// <summary>
/// The target of a delegate the core builds around a user's function (a typed callback, an
/// <c>await</c>): observers are given <see cref="Wrapped"/>, so chain views name the user's code
/// rather than the core's adapter, and nothing has to read compiler-generated closure fields.
/// </summary>
internal interface IWrappedCallable
{
    /// <summary>The user's function this adapter calls.</summary>
    Delegate Wrapped { get; }
}
