using System.Buffers;

namespace Kiosk.Protocols.Printing.EscPos;

/// <summary>
/// One ESC/POS command as we emit it. Each subtype cites the Epson "ESC/POS Command Reference for TM printers" page
/// it follows; the golden bytes in the tests quote the same pages.
/// </summary>
public abstract record EscPosCommand
{
    /// <summary>The command's mnemonic as the reference writes it, for example "GS v 0".</summary>
    public abstract string Name { get; }

    /// <summary>Appends the command's bytes to <paramref name="output"/>.</summary>
    public abstract void Encode(IBufferWriter<byte> output);

    /// <summary>The command's bytes.</summary>
    public byte[] ToBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Encode(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="output"/>.</summary>
    protected static void Put(IBufferWriter<byte> output, params ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(bytes);
    }
}
