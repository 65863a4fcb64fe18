namespace NetScope.Sessions.Workspaces;

/// <summary>A Deferred whose chain ended in a failure that nothing has handled (yet), as <see cref="Workspace.UnhandledFailures"/> lists it.</summary>
/// <param name="Entry">The session or listener the Deferred is attributed to ("#2 tcp 127.0.0.1:7").</param>
/// <param name="Deferred">The Deferred's number (#N, as chain views show it).</param>
/// <param name="Label">The Deferred's label, if it has one.</param>
/// <param name="Failure">The failure, one line ("ConnectionRefusedException: ...").</param>
public sealed record UnhandledFailure(string Entry, long Deferred, string? Label, string Failure)
{
    /// <summary>"Unhandled error in Deferred #4 (expect /x/) of #1 tcp 127.0.0.1:7: TimeoutException: ...".</summary>
    public override string ToString() =>
        $"Unhandled error in Deferred #{Deferred}{(Label is null ? string.Empty : $" ({Label})")} of {Entry}: {Failure}";
}
