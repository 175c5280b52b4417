using System.Collections.Generic;
using System.Collections.Immutable;
using Kmem.Analyzers.Flow;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Flow.Repair;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model.ModuleLifetime;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Kmem.Analyzers.Rules;

/// <summary>
/// KMEM009: what a module's init keeps in a static field must be released by its exit, and exit must release
/// only what init sets. Exit runs only after a successful init, so what init sets on success is what counts.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ModuleLifetimeAnalyzer : KmemAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.KMEM009);

    private protected override void OnKmemCompilationStart(CompilationStartAnalysisContext context, AnalysisSession session) =>
        // Reported when the module type's members have all been analysed, from the graphs the driver built for them
        // (on bodies the compiler has already bound), instead of binding those bodies a second time.
        context.RegisterSymbolStartAction(start =>
        {
            if (ModuleIndex.For(session).Of((INamedTypeSymbol)start.Symbol) is not { Exit: { } exit } module)
                return;
            start.RegisterOperationBlockAction(block =>
            {
                if (block.OwningSymbol is not IMethodSymbol method)
                    return;
                foreach (var operation in block.OperationBlocks)
                {
                    if (OperationBlocks.IsMethodBody(operation))
                        session.Share(method, () => block.GetControlFlowGraph(operation));
                }
            });
            start.RegisterSymbolEndAction(end => Report(end, session, module, exit));
        }, SymbolKind.NamedType);

    private static void Report(SymbolAnalysisContext context, AnalysisSession session, KernelModule module, IMethodSymbol exit)
    {
        var set = ModuleFields.SetByInit(session, module);
        var released = ModuleFields.ReleasedByExit(session, module);
        var setFields = new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default);
        foreach (var field in set)
        {
            setFields.Add(field.Field);
            if (released.ContainsKey(field.Field))
                continue;
            var (point, code) = Repair(session, field, set, released, exit);
            var properties = code is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(CheckProperties.Statement, code);
            var additional = code is null ? ImmutableArray<Location>.Empty : ImmutableArray.Create(point);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM009, field.Site.Call!.Syntax.GetLocation(), additional, properties,
                $"{field.Field.Name} is set by {module.Init.Name} ({field.Site.Allocator}) but {exit.Name} does not release it"));
        }
        var index = FieldReleases.For(session);
        foreach (var pair in released)
        {
            if (setFields.Contains(pair.Key) || index.IsAssigned(pair.Key))
                continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.KMEM009, pair.Value.Call.Syntax.GetLocation(),
                $"{exit.Name} releases {pair.Key.Name}, which {module.Init.Name} never sets"));
        }
    }

    /// <summary>
    /// The release to add and where: before the exit's release of the field allocated just before this one (so that
    /// exit releases in reverse order of allocation), or at the end of exit.
    /// </summary>
    private static (Location Point, string? Code) Repair(AnalysisSession session, InitField missing, List<InitField> set,
        Dictionary<IFieldSymbol, ReleaseEvent> released, IMethodSymbol exit)
    {
        var code = ReleaseCall.For(session, missing.Site, missing.Field.Name, missing.Field.Type, inSiteMethod: false);
        ReleaseEvent? next = null;
        foreach (var earlier in set)
        {
            if (earlier.Order >= missing.Order || !released.TryGetValue(earlier.Field, out var release))
                continue;
            if (next is null || release.Call.Syntax.SpanStart < next.Call.Syntax.SpanStart)
                next = release;
        }
        if (next?.Call.Syntax.FirstAncestorOrSelf<StatementSyntax>() is { } statement)
            return (statement.GetLocation(), code is null ? null : code + ";");
        foreach (var reference in session.Declarations(exit))
        {
            if (reference.GetSyntax() is MethodDeclarationSyntax { Body: { } body })
                return (body.CloseBraceToken.GetLocation(), code is null ? null : code + ";");
        }
        return (Location.None, null);
    }
}
