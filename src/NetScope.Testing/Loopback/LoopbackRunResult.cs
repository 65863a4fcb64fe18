using System.Net;
using NetScope.Core.Defer;

namespace NetScope.Testing.Loopback;

/// <summary>How a <see cref="LoopbackRun"/> ended.</summary>
/// <param name="ServerLostReason">Why the server protocol's connection was lost (for example a <c>ConnectionDoneException</c> after a clean close).</param>
/// <param name="ClientLostReason">Why the client protocol's connection was lost.</param>
/// <param name="ListeningAddress">Where the run's listener was bound.</param>
public sealed record LoopbackRunResult(Failure ServerLostReason, Failure ClientLostReason, IPEndPoint ListeningAddress);
