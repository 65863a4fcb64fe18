using NetScope.Core.Protocols;

namespace NetScope.Testing;

/// <summary>A <c>ListenTcp</c> call recorded by <see cref="MemoryReactor"/>.</summary>
/// <param name="Port">The port number asked for.</param>
/// <param name="Factory">The factory passed in.</param>
/// <param name="Backlog">The backlog asked for.</param>
/// <param name="BindAddress">The address to bind asked for.</param>
/// <param name="ListeningPort">The fake port returned: accept connections on it by hand.</param>
public sealed record ListenTcpCall(int Port, IProtocolFactory Factory, int Backlog, string BindAddress, MemoryListeningPort ListeningPort);
