using System;
using System.Threading;

namespace Kmem;

/// <summary>The kernel thread <c>irq/N-name</c> of a threaded handler: runs it in process context each time the primary handler wakes it (wakes coalesce).</summary>
internal sealed class IrqThread
{
    private readonly Machine machine;
    private readonly int irq;
    private readonly irq_handler_t threadFn;
    private readonly object? devId;
    private readonly Thread thread;
    private readonly object sync = new();
    private bool wakeRequested;
    private bool running;
    private bool stopping;

    public IrqThread(Machine machine, int irq, irq_handler_t threadFn, string name, object? devId)
    {
        this.machine = machine;
        this.irq = irq;
        this.threadFn = threadFn;
        this.devId = devId;
        thread = new Thread(Loop) { IsBackground = true, Name = $"irq/{irq}-{name}" };
        thread.Start();
    }

    public void Wake()
    {
        lock (sync)
        {
            wakeRequested = true;
            Monitor.PulseAll(sync);
        }
    }

    /// <summary>Waits until no wake is pending and the handler is not running.</summary>
    public void WaitIdle()
    {
        if (Thread.CurrentThread == thread)
            return;
        lock (sync)
            while (wakeRequested || running)
                Monitor.Wait(sync);
    }

    /// <summary>Runs a pending wake, then ends the thread.</summary>
    public void Stop()
    {
        lock (sync)
        {
            stopping = true;
            Monitor.PulseAll(sync);
        }
        if (Thread.CurrentThread != thread)
            thread.Join();
    }

    private void Loop()
    {
        machine.AdoptAsCurrent();
        while (true)
        {
            lock (sync)
            {
                while (!wakeRequested && !stopping)
                    Monitor.Wait(sync);
                if (!wakeRequested)
                    return;
                wakeRequested = false;
                running = true;
            }
            try
            {
                threadFn(irq, devId);
            }
            catch (Exception e)
            {
                machine.ReportOops(e, thread.Name ?? "irq thread");
            }
            finally
            {
                lock (sync)
                {
                    running = false;
                    Monitor.PulseAll(sync);
                }
            }
        }
    }
}
