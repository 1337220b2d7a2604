using Kiosk.Devices.Printers;
using Kiosk.Protocols.Printing.EscPos;

namespace Kiosk.Devices.Tests.Printers;

/// <summary>Golden bytes from the Epson ESC/POS reference, "DLE EOT n: Transmit real-time status".</summary>
public sealed class PrinterStatusBytesTests
{
    [Fact]
    public void Four_answers_of_0x12_mean_a_ready_printer()
    {
        var status = PrinterStatusBytes.Interpret(0x12, 0x12, 0x12, 0x12);

        Assert.True(status.IsKnown);
        Assert.True(status.CanPrint);
        Assert.Equal("ready", status.ToString());
    }

    [Theory]
    [InlineData(0x1A, 0x12, 0x12, 0x12, "offline")]
    [InlineData(0x1A, 0x16, 0x12, 0x12, "cover open, offline")]
    [InlineData(0x1A, 0x32, 0x12, 0x72, "paper end, offline")]
    [InlineData(0x12, 0x12, 0x12, 0x1E, "paper near end")]
    [InlineData(0x1A, 0x52, 0x1A, 0x12, "offline, error (autocutter error)")]
    public void Each_documented_bit_is_read_into_the_status(int printer, int offlineCause, int errorCause, int rollPaper, string expected)
    {
        var status = PrinterStatusBytes.Interpret((byte)printer, (byte)offlineCause, (byte)errorCause, (byte)rollPaper);

        Assert.Equal(expected, status.ToString());
    }

    [Theory]
    [InlineData(0x12, true)]
    [InlineData(0x7E, true)]
    [InlineData(0x00, false)]
    [InlineData(0x13, false)]
    [InlineData(0x92, false)]
    public void Only_bytes_with_the_fixed_bits_are_taken_as_status(int value, bool expected) =>
        Assert.Equal(expected, PrinterStatusBytes.IsStatusByte((byte)value));

    [Fact]
    public void The_simulator_encoding_of_paper_end_reads_back_as_paper_end()
    {
        var paperOut = new PrinterStatus { IsKnown = true, PaperEnd = true };
        var kinds = new[] { RealTimeStatusKind.Printer, RealTimeStatusKind.OfflineCause, RealTimeStatusKind.ErrorCause, RealTimeStatusKind.RollPaper };
        var bytes = kinds.Select(kind => PrinterStatusBytes.Encode(kind, paperOut)).ToArray();

        var status = PrinterStatusBytes.Interpret(bytes[0], bytes[1], bytes[2], bytes[3]);

        Assert.True(status.PaperEnd);
        Assert.False(status.CanPrint);
    }
}
