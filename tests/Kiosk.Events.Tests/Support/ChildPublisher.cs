using System.Diagnostics;
using System.Text;

namespace Kiosk.Events.Tests.Support;

/// <summary>The test-publisher child process, with its output collected so a test can wait for a line.</summary>
internal sealed class ChildPublisher : IDisposable
{
    private readonly StringBuilder _output = new();
    private TaskCompletionSource _line = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChildPublisher(Process process)
    {
        Process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Process Process { get; }

    public async Task WaitForLineAsync(string line, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (_output)
            {
                if (_output.ToString().Contains(line, StringComparison.Ordinal))
                {
                    return;
                }

                next = _line.Task;
            }

            try
            {
                await next.WaitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The child publisher did not print '{line}' within {timeout}; it printed: {_output}");
            }
        }
    }

    public void Dispose()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
        }

        Process.Dispose();
    }

    private void Append(string? data)
    {
        lock (_output)
        {
            _output.AppendLine(data);
            _line.TrySetResult();
            _line = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
