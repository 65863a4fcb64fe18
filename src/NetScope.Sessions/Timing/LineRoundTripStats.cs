namespace NetScope.Sessions.Timing;

/// <summary>Round trips in line mode: from a line sent to the next complete line received.</summary>
/// <param name="Count">Round trips measured.</param>
/// <param name="Min">The shortest, in seconds.</param>
/// <param name="Mean">The average, in seconds.</param>
/// <param name="Max">The longest, in seconds.</param>
/// <param name="Last">The most recent, in seconds.</param>
public sealed record LineRoundTripStats(int Count, double Min, double Mean, double Max, double Last);
