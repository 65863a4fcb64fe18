using System.Diagnostics;
using System.Text;

namespace NetScope.Core.Defer;

/// <summary>Where a Deferred was created and first fired, recorded while debugging is on.</summary>
internal sealed class DeferredDebugInfo
{
    /// <summary>The creation stack, innermost user frame first.</summary>
    public string? Creator { get; set; }

    /// <summary>The stack of the first <c>Callback</c>/<c>Errback</c> call.</summary>
    public string? Invoker { get; set; }

    /// <summary>Captures the current stack without the Deferred machinery's own frames.</summary>
    public static string CaptureStack()
    {
        var trace = new StackTrace(1, fNeedFileInfo: true);
        var text = new StringBuilder();
        foreach (var frame in trace.GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType?.Namespace == typeof(Deferred).Namespace)
            {
                continue;
            }

            var file = frame.GetFileName();
            text.Append("  at ")
                .Append(method?.DeclaringType?.Name).Append('.').Append(method?.Name);
            if (file is not null)
            {
                text.Append(" in ").Append(file).Append(':').Append(frame.GetFileLineNumber());
            }

            text.Append('\n');
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Both stacks, marked C: (created) and I: (invoked) as Twisted does.</summary>
    public string DescribeSites()
    {
        var text = new StringBuilder();
        if (Creator is not null)
        {
            text.Append(" C: Deferred was created:\n C:").Append(Creator.Replace("\n", "\n C:", StringComparison.Ordinal)).Append('\n');
        }

        if (Invoker is not null)
        {
            text.Append(" I: First Invoker was:\n I:").Append(Invoker.Replace("\n", "\n I:", StringComparison.Ordinal)).Append('\n');
        }

        return text.ToString();
    }
}
