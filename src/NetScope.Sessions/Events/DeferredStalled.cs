namespace NetScope.Sessions.Events;

/// <summary>The watchdog found a Deferred still pending after the threshold (reported once per Deferred).</summary>
/// <param name="EntryId">The session or listener the Deferred is attributed to.</param>
/// <param name="DeferredId">The Deferred (cancel it with <c>Workspace.CancelDeferredAsync</c>).</param>
/// <param name="Label">Its label, if any.</param>
/// <param name="AgeSeconds">How long it has existed.</param>
/// <param name="CreationSite">Where it was created, when creation sites are captured.</param>
public sealed record DeferredStalled(long EntryId, long DeferredId, string? Label, double AgeSeconds, string? CreationSite) : WorkspaceEvent;
