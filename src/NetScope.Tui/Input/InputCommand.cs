using NetScope.Sessions.Streams;

namespace NetScope.Tui.Input;

/// <summary>What a line typed into the input line asks for.</summary>
internal abstract record InputCommand;

/// <summary>Send the text and the session's line ending (line mode).</summary>
/// <param name="Text">The text, as typed.</param>
internal sealed record SendLineCommand(string Text) : InputCommand;

/// <summary>Send bytes as they are (raw mode, escapes decoded).</summary>
/// <param name="Data">The bytes.</param>
internal sealed record SendBytesCommand(byte[] Data) : InputCommand;

/// <summary>Switch line/raw framing (<c>/line</c>, <c>/raw</c>).</summary>
/// <param name="Mode">The mode to switch to.</param>
internal sealed record SwitchModeCommand(StreamMode Mode) : InputCommand;

/// <summary>Close the session (<c>/close</c>).</summary>
internal sealed record CloseCommand : InputCommand;

/// <summary>Finish sending and keep reading (<c>/halfclose</c>).</summary>
internal sealed record HalfCloseCommand : InputCommand;

/// <summary>Start TLS on the connection (<c>/starttls</c>, or <c>/starttls insecure</c> not to verify the certificate).</summary>
/// <param name="Insecure">Go on whatever certificate verification finds.</param>
internal sealed record StartTlsCommand(bool Insecure = false) : InputCommand;

/// <summary>Change what sending a line appends (<c>/ending crlf</c>).</summary>
/// <param name="Ending">The bytes.</param>
/// <param name="Name">How the user named it.</param>
internal sealed record SetEndingCommand(byte[] Ending, string Name) : InputCommand;

/// <summary>Show the key and command help (<c>/help</c>).</summary>
internal sealed record HelpCommand : InputCommand;

/// <summary>Nothing to do (an empty line in raw mode).</summary>
internal sealed record NoCommand : InputCommand;

/// <summary>The line could not be understood; nothing is sent.</summary>
/// <param name="Message">Why, in one line.</param>
internal sealed record InvalidCommand(string Message) : InputCommand;
