namespace Kmem.Analyzers.Tests.Infrastructure;

/// <summary>A C# source file to compile: a path for diagnostics and its text.</summary>
public sealed record SourceFile(string Path, string Text);
