namespace NetScope.Core.Tests.Protocols.Basic;

/// <summary>One input for the Twisted oracle: which receiver, its settings, the bytes and how they are split into reads.</summary>
/// <param name="Kind">"line" for LineReceiver, "lineonly" for LineOnlyReceiver.</param>
/// <param name="Delimiters">The delimiter and the one the "delim" line switches to, in hex.</param>
/// <param name="Max">MAX_LENGTH.</param>
/// <param name="Data">The input, in hex.</param>
/// <param name="Chunks">The size of each read (zero-size reads included).</param>
internal sealed record OracleCase(string Kind, string[] Delimiters, int Max, string Data, int[] Chunks);
