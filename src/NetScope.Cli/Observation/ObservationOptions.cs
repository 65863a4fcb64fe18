using System.CommandLine;

namespace NetScope.Cli.Observation;

/// <summary>
/// The observation options of a verb that runs sessions: <c>--trace</c>, <c>--chains</c> and,
/// where the verb has phases worth timing, <c>--timing</c>. A verb adds them in one line and runs
/// its work through <see cref="ObservedRun"/>:
/// <code>
/// var observation = ObservationOptions.AddTo(command, timing: true);
/// ... ObservedRun.Run(observation.Read(result), error, (workspace, err) =&gt; ..., interruptIsSuccess: false);
/// </code>
/// </summary>
internal sealed class ObservationOptions
{
    private ObservationOptions(bool timing)
    {
        Timing = timing ? CommonOptions.Timing() : null;
    }

    public Option<string?> Trace { get; } = CommonOptions.Trace();

    public Option<bool> Chains { get; } = CommonOptions.Chains();

    public Option<bool>? Timing { get; }

    /// <summary>Adds the options to <paramref name="command"/> (<c>--timing</c> only when <paramref name="timing"/>).</summary>
    public static ObservationOptions AddTo(Command command, bool timing)
    {
        ArgumentNullException.ThrowIfNull(command);
        var options = new ObservationOptions(timing);
        command.Options.Add(options.Trace);
        command.Options.Add(options.Chains);
        if (options.Timing is not null)
        {
            command.Options.Add(options.Timing);
        }

        return options;
    }

    /// <summary>Reads the values; an empty <c>--trace</c> is a usage error.</summary>
    public ObservationSettings Read(ParseResult result)
    {
        var trace = result.GetValue(Trace);
        if (trace is not null && trace.Length == 0)
        {
            throw CliErrors.Usage("--trace: expected a file name, or '-' for stderr");
        }

        return new ObservationSettings(trace, result.GetValue(Chains), Timing is not null && result.GetValue(Timing));
    }
}
