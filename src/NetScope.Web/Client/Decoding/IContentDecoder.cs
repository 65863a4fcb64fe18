namespace NetScope.Web.Client.Decoding;

/// <summary>Undoes one content coding (RFC 9110 section 8.4.1) of a body that arrives in pieces.</summary>
internal interface IContentDecoder : IDisposable
{
    /// <summary>The coding's name, as in Content-Encoding.</summary>
    string Name { get; }

    /// <summary>Decodes the next piece of the encoded body, handing each piece of decoded data to <paramref name="output"/>.</summary>
    /// <param name="input">Encoded bytes.</param>
    /// <param name="output">Receives decoded bytes, valid only during each call.</param>
    /// <exception cref="HttpResponseException">The data is not valid in this coding.</exception>
    void Decode(ReadOnlySpan<byte> input, IDecodedOutput output);

    /// <summary>The encoded body ended: checks that the coded stream was complete.</summary>
    /// <exception cref="HttpResponseException">The coded stream was cut short.</exception>
    void Finish();
}
