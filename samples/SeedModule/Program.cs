// Boots the default machine (1 GiB), loads the seed module, shows the kernel log, unloads it
// and checks that it left nothing allocated.
using System;
using System.Collections.Generic;
using System.Linq;
using Kmem;

using var machine = Machine.Boot(new MachineOptions { RamBytes = 1L << 30 });

Console.WriteLine("# insmod MemoryModule.ko");
var module = machine.LoadModule(typeof(MemoryModule));
if (!module.Succeeded)
    Console.WriteLine(module.Error);

IReadOnlyList<LiveAllocation> leaks = module.Leaks;
if (module.IsLoaded)
{
    Console.WriteLine("# rmmod MemoryModule");
    var unload = module.Unload();
    if (!unload.Succeeded)
        Console.WriteLine(unload.Error);
    leaks = unload.Leaks;
}

Console.WriteLine("# dmesg");
foreach (var line in machine.Dmesg())
    Console.WriteLine(line);

if (leaks.Count == 0)
    Console.WriteLine("Nothing leaked: every allocation of MemoryModule was released.");
else
{
    Console.WriteLine($"MemoryModule leaked {leaks.Count} allocation(s):");
    foreach (var leak in leaks)
        Console.WriteLine($"  0x{leak.Address:x8} size {leak.Size} by {leak.AllocatedBy}");
}

var bugs = machine.Reports.Where(r => r.Kind != KernelReportKind.MemoryLeak).ToList();
foreach (var bug in bugs)
    Console.WriteLine($"kernel reported: {bug.Message}");

return module.Succeeded && leaks.Count == 0 && bugs.Count == 0 ? 0 : 1;
