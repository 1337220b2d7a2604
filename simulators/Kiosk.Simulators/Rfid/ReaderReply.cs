namespace Kiosk.Simulators.Rfid;

/// <summary>What a responder decided about one request: the reply's bytes (none when the reader stays silent) and the radio time it took.</summary>
/// <param name="Bytes">The encoded reply, or null when the real reader would not answer.</param>
/// <param name="RequestLength">Bytes of the request on the wire, for its serial time.</param>
/// <param name="Radio">Radio time the command took (<see cref="Iso15693RadioTime"/>).</param>
/// <param name="Description">What was asked and answered, for the log.</param>
internal sealed record ReaderReply(byte[]? Bytes, int RequestLength, TimeSpan Radio, string Description);
