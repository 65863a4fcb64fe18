using NetScope.Core.Logging;

namespace NetScope.Core.Defer;

/// <summary>
/// Watches a Deferred whose chain ended in a <see cref="Failure"/>. If the Deferred is
/// garbage-collected while the failure is still its result, the finalizer reports
/// "Unhandled error in Deferred" (Twisted's <c>DebugInfo.__del__</c>). Created only for
/// Deferreds that fail, so the success path never pays for finalization.
/// </summary>
internal sealed class UnhandledFailureTracker
{
    private Deferred? _owner;
    private Failure? _failure;
    private bool _finalizerArmed = true;

    /// <summary>The failure currently left unhandled, if any.</summary>
    public Failure? Failure => _failure;

    /// <summary>Starts (or keeps) watching <paramref name="failure"/>; returns <see langword="true"/> if it is newly watched.</summary>
    public bool Track(Deferred owner, Failure failure)
    {
        if (ReferenceEquals(_failure, failure))
        {
            return false;
        }

        _owner = owner;
        _failure = failure;
        if (!_finalizerArmed)
        {
            GC.ReRegisterForFinalize(this);
            _finalizerArmed = true;
        }

        return true;
    }

    /// <summary>The failure has been handled (or handed on): stop watching.</summary>
    public void Clear(Deferred owner)
    {
        if (_failure is null)
        {
            return;
        }

        _failure = null;
        _owner = null;
        GC.SuppressFinalize(this);
        _finalizerArmed = false;
        owner.OnUnhandledFailureCleared();
    }

    ~UnhandledFailureTracker()
    {
        var failure = _failure;
        var owner = _owner;
        if (failure is null || owner is null)
        {
            return;
        }

        try
        {
            var debug = owner.DebugSitesForReport();
            DeferLog.UnhandledError(
                NetScopeLogging.CreateLogger(DeferLog.Category),
                failure.Value,
                owner.ToString(),
                failure.GetTraceback(),
                debug is null ? string.Empty : "\n(debug: " + debug + ")");
            owner.OnUnhandledFailureFinalized(failure);
        }
        catch (Exception)
        {
            // A finalizer must never throw: that would end the process. Reporting is best effort.
        }
    }
}
