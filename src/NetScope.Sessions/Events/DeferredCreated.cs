namespace NetScope.Sessions.Events;

/// <summary>
/// A Deferred was created while a session's (or listener's) code ran. Published when the
/// Deferred is first used (or at the next sample), so that a label set right after construction
/// is included; <see cref="CreatedAt"/> says when it was really created.
/// </summary>
/// <param name="EntryId">The session or listener it is attributed to.</param>
/// <param name="DeferredId">The Deferred's number in the workspace (the <c>#N</c> of chain views).</param>
/// <param name="Label">Its label, if any ("connect 127.0.0.1:7").</param>
/// <param name="CreationSite">Where it was created (innermost frame), when creation sites are captured.</param>
/// <param name="CreatedAt">When it was created, in seconds since the workspace started.</param>
public sealed record DeferredCreated(long EntryId, long DeferredId, string? Label, string? CreationSite, double CreatedAt) : WorkspaceEvent;
