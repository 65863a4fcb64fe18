using System.Net;
using NetScope.Core.Protocols;

namespace NetScope.Testing;

/// <summary>A <c>ConnectTcp</c> call recorded by <see cref="MemoryReactor"/>.</summary>
/// <param name="Host">The host asked for.</param>
/// <param name="Port">The port asked for.</param>
/// <param name="Factory">The factory passed in.</param>
/// <param name="TimeoutSeconds">The timeout asked for.</param>
/// <param name="BindAddress">The local address asked for, if any.</param>
/// <param name="Connector">The fake connector returned: complete or fail the attempt with it.</param>
public sealed record ConnectTcpCall(string Host, int Port, ClientFactory Factory, double TimeoutSeconds, IPEndPoint? BindAddress, MemoryConnector Connector);
