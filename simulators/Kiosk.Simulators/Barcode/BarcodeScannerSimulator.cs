using Kiosk.Devices.Barcode;
using Kiosk.Simulators.Pty;
using Microsoft.Extensions.Options;

namespace Kiosk.Simulators.Barcode;

/// <summary>
/// A serial barcode scanner on a pseudo-terminal: the driver opens <see cref="PortPath"/> as it would /dev/ttyUSB0;
/// <see cref="ScanAsync"/> sends a code with the configured prefix and suffix, taking the time the bytes would take
/// on the wire. It can also send garbage, and be unplugged and plugged back in.
/// </summary>
public sealed class BarcodeScannerSimulator : IAsyncDisposable
{
    private readonly BarcodeScannerSimulatorOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _line = new(1, 1);
    private PseudoTerminal? _terminal;

    /// <summary>Creates the simulator; <see cref="Plug"/> opens its pty.</summary>
    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public BarcodeScannerSimulator(BarcodeScannerSimulatorOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new BarcodeScannerSimulatorOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new ArgumentException("Barcode scanner simulator settings are invalid: " + result.FailureMessage, nameof(options));
        }

        _options = options;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The path a driver opens: the link when configured, else the pty's slave. Changes on replug without a link.</summary>
    public string PortPath => Terminal.PortPath;

    /// <summary>The pty slave behind <see cref="PortPath"/>.</summary>
    public string SlavePath => Terminal.SlavePath;

    /// <summary>Whether the simulated scanner is plugged in.</summary>
    public bool IsPluggedIn => _terminal is { IsOpen: true };

    /// <summary>The pty, for tests that inspect the line settings the driver applied.</summary>
    public PseudoTerminal Terminal => _terminal is { IsOpen: true } terminal
        ? terminal
        : throw new InvalidOperationException("The simulated scanner is unplugged; call Plug first.");

    /// <summary>How long <paramref name="byteCount"/> bytes take on the configured line.</summary>
    public TimeSpan WireTime(int byteCount) =>
        TimeSpan.FromTicks(byteCount * (long)_options.BitsPerCharacter * TimeSpan.TicksPerSecond / _options.BaudRate);

    /// <summary>Plugs the scanner in: opens a new pty (and points the link at it). Also the "replug" after <see cref="Unplug"/>.</summary>
    public void Plug()
    {
        if (IsPluggedIn)
        {
            throw new InvalidOperationException("The simulated scanner is already plugged in.");
        }

        _terminal = PseudoTerminal.Open(_options.LinkPath);
    }

    /// <summary>Unplugs the scanner: closes the pty, so the driver's port hangs up and its path disappears.</summary>
    public void Unplug()
    {
        _terminal?.Dispose();
        _terminal = null;
    }

    /// <summary>Scans <paramref name="code"/>: prefix, code and suffix, delivered after their wire time has passed.</summary>
    /// <exception cref="ArgumentException">The code holds characters a serial scanner cannot send (non-ASCII).</exception>
    public Task ScanAsync(string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Any(character => character > 0x7F))
        {
            throw new ArgumentException("A serial scanner sends ASCII only; use SendRawAsync for other bytes.", nameof(code));
        }

        var suffix = BarcodeFraming.SuffixBytes(_options.Suffix);
        var frame = new byte[_options.Prefix.Length + code.Length + suffix.Length];
        for (var index = 0; index < _options.Prefix.Length; index++)
        {
            frame[index] = (byte)_options.Prefix[index];
        }

        for (var index = 0; index < code.Length; index++)
        {
            frame[_options.Prefix.Length + index] = (byte)code[index];
        }

        suffix.CopyTo(frame.AsSpan(_options.Prefix.Length + code.Length));
        return SendRawAsync(frame, cancellationToken);
    }

    /// <summary>Sends bytes exactly as given (line noise, a half code, an over-long line), after their wire time.</summary>
    public async Task SendRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        await _line.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The last byte reaches the driver once the whole frame has crossed the wire (bytes × bits ÷ baud): 11 bytes
            // at 9600 8N1 take 11.5 ms. Delivered in one write so a driver sees what a USB adapter would hand over.
            await Task.Delay(WireTime(bytes.Length), _timeProvider, cancellationToken).ConfigureAwait(false);
            await Terminal.Stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _line.Release();
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Unplug();
        _line.Dispose();
        return ValueTask.CompletedTask;
    }
}
