using System.IO;
using System.Reflection.PortableExecutable;
using Kmem.Analyzers.Infrastructure;
using Xunit;

namespace Kmem.Analyzers.Tests.Meta;

/// <summary>
/// The analyzer assembly the tests load is a ReadyToRun image exactly when its build compiled it as one
/// (<c>ReadyToRun.targets</c> defines <c>KMEM_READYTORUN</c>, which unmarks the hot methods in <see cref="Jit"/>): a
/// Release build's tests run the precompiled image, a Debug build's the plain IL, and neither half of the switch can
/// be lost without the other.
/// </summary>
public sealed class PrecompiledImageTests
{
    [Fact]
    public void TheAnalyzerAssemblyIsPrecompiledExactlyWhenItsBuildSaysSo()
    {
        string path = typeof(Jit).Assembly.Location;
        using var reader = new PEReader(File.OpenRead(path));
        bool precompiled = reader.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0;
        bool buildPrecompiles = Jit.Optimized == 0;

        Assert.True(buildPrecompiles == precompiled,
            $"{path}: {(precompiled ? "a ReadyToRun image" : "plain IL")}, but it was compiled {(buildPrecompiles ? "with" : "without")} KMEM_READYTORUN");
    }
}
