namespace NetScope.Core.Transports;

/// <summary>One transition of a transport's state.</summary>
/// <param name="State">The state entered.</param>
/// <param name="Time">When, on the reactor clock (seconds).</param>
/// <param name="Reason">Why, for failures and closes (one line), else <see langword="null"/>.</param>
public readonly record struct TransportStateChange(TransportState State, double Time, string? Reason);
