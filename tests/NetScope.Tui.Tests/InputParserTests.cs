using System.Text;
using NetScope.Sessions.Streams;
using NetScope.Tui.Input;

namespace NetScope.Tui.Tests;

public sealed class InputParserTests
{
    private readonly InputParser _parser = new();

    [Fact]
    public void InLineModeTextIsSentAsALineAndAnEmptyLineToo()
    {
        Assert.Equal(new SendLineCommand("HELO example.com"), _parser.Parse("HELO example.com", StreamMode.Line));
        Assert.Equal(new SendLineCommand(string.Empty), _parser.Parse(string.Empty, StreamMode.Line));
    }

    [Fact]
    public void InRawModeEscapesAreDecodedIntoTheBytesSent()
    {
        var command = Assert.IsType<SendBytesCommand>(_parser.Parse("GET /\\r\\n\\x00\\\\", StreamMode.Raw));
        Assert.Equal("GET /\r\n\0\\"u8.ToArray(), command.Data);
        Assert.IsType<NoCommand>(_parser.Parse(string.Empty, StreamMode.Raw));
    }

    [Fact]
    public void AMalformedEscapeInRawModeSendsNothingAndSaysWhere()
    {
        var invalid = Assert.IsType<InvalidCommand>(_parser.Parse("ab\\x4", StreamMode.Raw));
        Assert.Equal("\\x needs two hex digits at position 2 of 'ab\\x4'", invalid.Message);
    }

    [Theory]
    [InlineData("/raw", typeof(SwitchModeCommand))]
    [InlineData("/line", typeof(SwitchModeCommand))]
    [InlineData("/close", typeof(CloseCommand))]
    [InlineData("/halfclose", typeof(HalfCloseCommand))]
    [InlineData("/help", typeof(HelpCommand))]
    [InlineData("/ending lf", typeof(SetEndingCommand))]
    public void SlashCommandsAreRecognizedInEitherMode(string text, Type expected)
    {
        Assert.IsType(expected, _parser.Parse(text, StreamMode.Line));
        Assert.IsType(expected, _parser.Parse(text, StreamMode.Raw));
    }

    [Fact]
    public void ModeAndEndingCommandsCarryTheirValue()
    {
        Assert.Equal(new SwitchModeCommand(StreamMode.Raw), _parser.Parse("/raw", StreamMode.Line));
        var ending = Assert.IsType<SetEndingCommand>(_parser.Parse("/ending CR", StreamMode.Line));
        Assert.Equal(("\r", "CR"), (Encoding.Latin1.GetString(ending.Ending), ending.Name));
    }

    [Fact]
    public void ADoubleSlashSendsALineStartingWithOneSlash()
    {
        Assert.Equal(new SendLineCommand("/etc/passwd"), _parser.Parse("//etc/passwd", StreamMode.Line));
    }

    [Fact]
    public void UnknownCommandsAndBadArgumentsAreExplainedNotSent()
    {
        Assert.Equal(new InvalidCommand("unknown command /frob: try /raw /line /ending /starttls /halfclose /close /help (// sends a line starting with /)"), _parser.Parse("/frob", StreamMode.Line));
        Assert.Equal(new InvalidCommand("usage: /ending crlf|lf|cr|none"), _parser.Parse("/ending dos", StreamMode.Line));
        Assert.Equal(new InvalidCommand("/close takes no argument"), _parser.Parse("/close now", StreamMode.Line));
    }

    [Fact]
    public void StartTlsUpgradesWithOrWithoutVerificationAndCanBeLeftOut()
    {
        Assert.Equal(new StartTlsCommand(Insecure: false), _parser.Parse("/starttls", StreamMode.Line));
        Assert.Equal(new StartTlsCommand(Insecure: true), _parser.Parse("/starttls insecure", StreamMode.Raw));
        Assert.Equal(new InvalidCommand("usage: /starttls [insecure]"), _parser.Parse("/starttls now", StreamMode.Line));
        Assert.Contains(_parser.Commands, c => c.Syntax == "/starttls [insecure]");
        var plain = new InputParser(startTls: false);
        Assert.IsType<InvalidCommand>(plain.Parse("/starttls", StreamMode.Line));
        Assert.DoesNotContain(plain.Commands, c => c.Syntax.StartsWith("/starttls", StringComparison.Ordinal));
    }
}
