using BenchmarkDotNet.Running;

namespace Kiosk.Benchmarks;

/// <summary>
/// Runs the benchmarks: <c>dotnet run -c Release --project benchmarks/Kiosk.Benchmarks -- --filter '*'</c> for the
/// BenchmarkDotNet micro-benches, <c>-- rfid-stack</c> for the RFID stack scenario, or <c>-- receipt-raster</c> for the raster receipt scenario (see benchmarks/README.md).
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == RfidStackScenario.Name)
        {
            return await RfidStackScenario.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == ReceiptRasterScenario.Name)
        {
            return ReceiptRasterScenario.Run(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == CheckoutStackScenario.Name)
        {
            return await CheckoutStackScenario.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == MqttOutboxScenario.Name)
        {
            return await MqttOutboxScenario.RunAsync(args[1..], Console.Out);
        }

        if (args.Length > 0 && args[0] == GateWalkScenario.Name)
        {
            return await GateWalkScenario.RunAsync(args[1..], Console.Out);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
