namespace Kiosk.Protocols.Tags;

/// <summary>One ISO 15962 data set as it lay in user memory.</summary>
/// <param name="Position">The byte offset of its precursor.</param>
/// <param name="ObjectIdentifier">The relative OID (1–15 from the precursor, 15 and up with the extra byte).</param>
/// <param name="Compaction">Bits 6–4 of the precursor.</param>
/// <param name="Data">The compacted data.</param>
/// <param name="PadBytes">The offset byte's value: how many pad bytes follow the data, or 0 without an offset byte.</param>
internal sealed record Iso28560Part2DataSet(int Position, int ObjectIdentifier, TagCompactionScheme Compaction, byte[] Data, int PadBytes);
