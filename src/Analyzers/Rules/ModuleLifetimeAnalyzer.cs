using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
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
        // Each finding is reported from the body it lies in, when the driver hands that body over: a symbol end action
        // on the module type would make the driver track the completion of every member of every type (in a
        // command-line build that bookkeeping, under its locks, cost more than the rule), and a symbol action runs
        // before the compiler has bound the bodies, which it would then bind a second time. A body no init or exit
        // reaches (found backwards from its callers' names, nothing bound) cannot hold a finding, so it does not force
        // the module's closures: the first body of a driver (its interrupt handler, usually) would otherwise bind
        // init's closure ahead of the compiler. Without any static storage that can hold an allocation there is nothing
        // to check, and no module is looked at.
        context.RegisterOperationBlockAction(block =>
        {
            if (block.OwningSymbol is not IMethodSymbol method
                || !StaticHolders.For(session).Any
                || ModuleIndex.For(session) is not { } modules
                || modules.Of(method.ContainingType) is not { Exit: { } exit } module
                || !modules.InInitOrExit(method)
                || !module.Calls(method))
                return;
            foreach (var finding in session.Memo(exit, _ => Findings(session, module, exit)))
            {
                if (SymbolEqualityComparer.Default.Equals(finding.Reporter, method.OriginalDefinition))
                    block.ReportDiagnostic(finding.Diagnostic);
            }
        });

    private static List<Finding> Findings(AnalysisSession session, KernelModule module, IMethodSymbol exit)
    {
        var findings = new List<Finding>();
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
            findings.Add(new Finding(module, exit, Diagnostic.Create(Descriptors.KMEM009, field.Site.Call!.Syntax.GetLocation(), additional, properties,
                $"{field.Field.Name} is set by {module.Init.Name} ({field.Site.Allocator}) but {exit.Name} does not release it")));
        }
        var index = FieldReleases.For(session);
        foreach (var pair in released)
        {
            if (setFields.Contains(pair.Key) || index.IsAssigned(pair.Key))
                continue;
            findings.Add(new Finding(module, exit, Diagnostic.Create(Descriptors.KMEM009, pair.Value.Call.Syntax.GetLocation(),
                $"{exit.Name} releases {pair.Key.Name}, which {module.Init.Name} never sets")));
        }
        return findings;
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

    /// <summary>
    /// A diagnostic and the method whose body reports it: the method of the module's own type (init, exit or one they
    /// call) that contains it, so that it is local to the body the driver hands over; exit for one that lies elsewhere.
    /// </summary>
    private sealed class Finding
    {
        public Finding(KernelModule module, IMethodSymbol exit, Diagnostic diagnostic)
        {
            Diagnostic = diagnostic;
            Reporter = exit;
            foreach (var method in module.InitClosure.Concat(module.ExitClosure))
            {
                if (method.MethodKind != MethodKind.LocalFunction && SymbolEqualityComparer.Default.Equals(method.ContainingType, exit.ContainingType)
                    && method.DeclaringSyntaxReferences.Any(r => r.SyntaxTree == diagnostic.Location.SourceTree && r.Span.Contains(diagnostic.Location.SourceSpan)))
                {
                    Reporter = method;
                    break;
                }
            }
        }

        public Diagnostic Diagnostic { get; }
        public IMethodSymbol Reporter { get; }
    }
}
