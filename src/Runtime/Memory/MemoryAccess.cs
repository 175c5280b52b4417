using System;
using System.Text;
using System.Threading;

namespace Kmem;

/// <summary>
/// Reads and writes kernel virtual memory. Every access is first checked against the allocation its
/// first byte falls in (found in O(1) through the page owners, the vmalloc slots or the kmap window)
/// and reported as the kernel would if it touches NULL, unmapped memory, freed memory or crosses
/// the allocation's end; with KASAN, every byte is also checked against its shadow (redzones, freed
/// objects in quarantine). Only then are the bytes copied, page by page, to or from the frames.
/// </summary>
internal sealed class MemoryAccess
{
    private const long PageSize = AddressLayout.PageSize;

    private readonly AddressLayout layout;
    private readonly PhysicalMemory physical;
    private readonly PageOwners owners;
    private readonly VmallocSpace vmalloc;
    private readonly KmapWindow kmap;
    private readonly MemoryBugs bugs;
    private readonly ShadowMemory? shadow;

    public MemoryAccess(AddressLayout layout, PhysicalMemory physical, PageOwners owners, VmallocSpace vmalloc, KmapWindow kmap, MemoryBugs bugs, ShadowMemory? shadow)
    {
        this.shadow = shadow;
        this.layout = layout;
        this.physical = physical;
        this.owners = owners;
        this.vmalloc = vmalloc;
        this.kmap = kmap;
        this.bugs = bugs;
    }

    public void Read(ulong address, Span<byte> into, string function)
    {
        Check(address, into.Length, write: false, function);
        for (int done = 0; done < into.Length;)
        {
            ulong at = address + (ulong)done;
            int offset = (int)(at & (PageSize - 1));
            int chunk = (int)Math.Min(into.Length - done, PageSize - offset);
            physical.Read(PfnOf(at, write: false), offset, into.Slice(done, chunk));
            done += chunk;
        }
    }

    public void Write(ulong address, ReadOnlySpan<byte> data, string function)
    {
        Check(address, data.Length, write: true, function);
        for (int done = 0; done < data.Length;)
        {
            ulong at = address + (ulong)done;
            int offset = (int)(at & (PageSize - 1));
            int chunk = (int)Math.Min(data.Length - done, PageSize - offset);
            physical.Write(PfnOf(at, write: true), offset, data.Slice(done, chunk));
            done += chunk;
        }
    }

    public void Fill(ulong address, long count, byte value, string function)
    {
        Check(address, count, write: true, function);
        for (long done = 0; done < count;)
        {
            ulong at = address + (ulong)done;
            int offset = (int)(at & (PageSize - 1));
            int chunk = (int)Math.Min(count - done, PageSize - offset);
            physical.Fill(PfnOf(at, write: true), offset, chunk, value);
            done += chunk;
        }
    }

    /// <summary>Reads <paramref name="count"/> bytes into a new array (checked as one access).</summary>
    public byte[] ReadArray(ulong address, long count, string function)
    {
        if (count < 0 || count > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(count), count, "not a possible size of one access");
        var bytes = new byte[count];
        Read(address, bytes, function);
        return bytes;
    }

    /// <summary>Reads a NUL-terminated UTF-8 string; running off the allocation before a NUL is an out-of-bounds read.</summary>
    public string ReadString(ulong address, string function)
    {
        var region = CheckedRegion(address, 1, write: false, function);
        var bytes = new System.Collections.Generic.List<byte>();
        Span<byte> one = stackalloc byte[1];
        for (ulong at = address; ; at++)
        {
            if (at >= region.End)
                throw bugs.Kasan(region.BugName("out-of-bounds"), function, at, 1, write: false, FindObject(address));
            physical.Read(PfnOf(at, write: false), (int)(at & (PageSize - 1)), one);
            if (one[0] == 0)
                return Encoding.UTF8.GetString(bytes.ToArray());
            bytes.Add(one[0]);
        }
    }

    /// <summary>Checks that [address, address + count) lies in one live allocation; reports and throws otherwise.</summary>
    public void Check(ulong address, long count, bool write, string function)
    {
        if (count > 0)
            CheckedRegion(address, count, write, function);
    }

    /// <summary>The region an address falls in, without checking an access.</summary>
    public AccessRegion Resolve(ulong address)
    {
        if (layout.IsDirectMap(address))
        {
            long pfn = AddressLayout.DirectMapPfn(address);
            return owners[pfn]?.RegionAt(address, pfn) ?? AccessRegion.Unmapped;
        }
        if (AddressLayout.IsVmalloc(address))
            return vmalloc.RegionAt(address);
        if (AddressLayout.IsKmap(address))
        {
            long pfn = kmap.PfnAt(address);
            if (pfn < 0)
                return AccessRegion.Unmapped;
            if (owners[pfn] is not { IsLive: true })
                return AccessRegion.FreedMemory("");
            ulong start = AddressLayout.PageStart(address);
            return AccessRegion.Live(start, start + PageSize, "");
        }
        return AccessRegion.Unmapped;
    }

    private AccessRegion CheckedRegion(ulong address, long count, bool write, string function)
    {
        if (address < PageSize)
            throw bugs.NullDereference(address, write);
        var region = Resolve(address);
        if (region.IsUnmapped)
            throw IsFreedPage(address) ? bugs.Kasan("use-after-free", function, address, count, write) : bugs.PageFault(address, write);
        ulong end = address + (ulong)count;
        string? bug = region.Freed ? "use-after-free"
            : end < address || end > region.End ? "out-of-bounds"
            : shadow is not null && FirstPoisoned(address, count, write) is { } code ? (ShadowCode.IsFreed(code) ? "use-after-free" : "out-of-bounds")
            : null;
        if (bug is not null)
            throw bugs.Kasan(region.BugName(bug), function, address, count, write, FindObject(address));
        return region;
    }

    /// <summary>The object an address belongs to, for a report: a slab object (live or quarantined), a page block or a vmalloc area.</summary>
    public BuggyObject? FindObject(ulong address)
    {
        if (AddressLayout.IsVmalloc(address))
            return vmalloc.AreaAt(address) is { } area ? new BuggyObject(area.Allocation, null, area.Allocation.Size) : null;
        if (!layout.IsDirectMap(address))
            return null;
        switch (owners[AddressLayout.DirectMapPfn(address)])
        {
            case Slab slab:
                int slot = slab.SlotOf(address);
                var allocation = slot < 0 ? null : Volatile.Read(ref slab.Objects[slot]);
                return allocation is null ? null : new BuggyObject(allocation, slab.Cache.Name, slab.Cache.ObjectSize);
            case PageBlock block:
                return new BuggyObject(block.Allocation, null, block.Allocation.Size);
            default:
                return null;
        }
    }

    /// <summary>With KASAN: whether a direct-map address lies in a frame the page allocator holds free (a use of freed pages).</summary>
    private bool IsFreedPage(ulong address) =>
        shadow is not null && layout.IsDirectMap(address)
        && ShadowCode.IsFreed(shadow.At(AddressLayout.DirectMapPfn(address), (int)(address & (PageSize - 1))));

    /// <summary>The shadow code of the first byte of the access that may not be accessed, or null when all may.</summary>
    private byte? FirstPoisoned(ulong address, long count, bool write)
    {
        for (long done = 0; done < count;)
        {
            ulong at = address + (ulong)done;
            int offset = (int)(at & (PageSize - 1));
            int chunk = (int)Math.Min(count - done, PageSize - offset);
            if (shadow!.FirstPoisoned(PfnOf(at, write), offset, chunk) is { } bad)
                return bad.Code;
            done += chunk;
        }
        return null;
    }

    /// <summary>The frame behind a checked address.</summary>
    private long PfnOf(ulong address, bool write)
    {
        long pfn = layout.IsDirectMap(address) ? AddressLayout.DirectMapPfn(address)
            : AddressLayout.IsVmalloc(address) ? vmalloc.PfnAt(address)
            : AddressLayout.IsKmap(address) ? kmap.PfnAt(address)
            : -1;
        if (pfn < 0)
            throw bugs.PageFault(address, write);
        return pfn;
    }
}
