namespace NetScope.Cli;

/// <summary>What an exception means to the user: the exit code and the one line printed on stderr.</summary>
/// <param name="Code">The exit code the process ends with.</param>
/// <param name="Message">The whole line, prefix included: <c>netscope: connect 127.0.0.1:9: connection refused</c>.</param>
internal readonly record struct CliFailure(ExitCode Code, string Message);
