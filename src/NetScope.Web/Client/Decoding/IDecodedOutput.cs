namespace NetScope.Web.Client.Decoding;

/// <summary>Where an <see cref="IContentDecoder"/> puts what it decodes.</summary>
internal interface IDecodedOutput
{
    /// <summary>Decoded bytes, valid only during the call.</summary>
    void Write(ReadOnlySpan<byte> data);
}
