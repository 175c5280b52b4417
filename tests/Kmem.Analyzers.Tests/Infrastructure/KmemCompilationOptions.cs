using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>How every test compiles C#: the latest language version, nullable disabled, a library.</summary>
public static class KmemCompilationOptions
{
    public static CSharpParseOptions Parse { get; } = new(LanguageVersion.Latest);

    public static CSharpCompilationOptions Compilation { get; } =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable);

    public static CSharpParseOptions Apply(ParseOptions options) =>
        ((CSharpParseOptions)options).WithLanguageVersion(LanguageVersion.Latest);

    public static CompilationOptions Apply(CompilationOptions options) =>
        ((CSharpCompilationOptions)options).WithNullableContextOptions(NullableContextOptions.Disable);
}
