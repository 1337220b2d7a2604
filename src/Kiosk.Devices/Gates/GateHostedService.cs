using System.Device.Gpio;
using Kiosk.Devices.Rfid;
using Kiosk.Devices.Transports;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Kiosk.Devices.Gates;

/// <summary>
/// Runs the gate with the host. <see cref="StartAsync"/> loads and checks the pin map and the reader profile and opens
/// the pins, so a wiring mistake stops the host at start with its message; then the reader is polled under a
/// <see cref="SerialPortSupervisor"/>, which reopens a port that went away.
/// </summary>
internal sealed class GateHostedService(
    IOptions<GateOptions> options,
    GpioController gpio,
    GateEventHub events,
    TimeProvider timeProvider,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private GateController? _controller;
    private CancellationTokenSource? _stopping;
    private Task _running = Task.CompletedTask;

    // Work starts in StartAsync, not ExecuteAsync: the pins are open and checked when the host reports started.
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pinMap = GatePinMapLoader.Load(settings.PinMap);
        var profile = RfidReaderProfileLoader.Load(settings.ReaderProfile);
        _controller = new GateController(settings, pinMap, profile, gpio, events, timeProvider, loggerFactory.CreateLogger<GateController>());
        _controller.Open();

        var transport = new SerialPortTransport(RfidReaderFactory.CreateTransportOptions(profile), timeProvider, loggerFactory.CreateLogger<SerialPortTransport>());
        var supervisor = new SerialPortSupervisor(transport, new SerialSupervisorOptions(), timeProvider, loggerFactory.CreateLogger<GateHostedService>());
        _stopping = new CancellationTokenSource();
        var controller = _controller;
        _running = supervisor.RunAsync(
            async (connection, ct) =>
            {
                var reader = RfidReaderFactory.Create(profile, connection, timeProvider, loggerFactory);
                await using (reader.ConfigureAwait(false))
                {
                    await controller.RunDetectionAsync(reader, ct).ConfigureAwait(false);
                }
            },
            _stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping is not null)
        {
            await _stopping.CancelAsync().ConfigureAwait(false);
            try
            {
                await _running.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopping is the expected end of the polls.
            }
        }

        if (_controller is not null)
        {
            await _controller.DisposeAsync().ConfigureAwait(false);
        }

        events.Complete();
    }

    public async ValueTask DisposeAsync()
    {
        if (_controller is not null)
        {
            await _controller.DisposeAsync().ConfigureAwait(false);
        }

        _stopping?.Dispose();
    }
}
