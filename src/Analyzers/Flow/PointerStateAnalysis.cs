using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Kmem.Analyzers.Flow.Checks;
using Kmem.Analyzers.Infrastructure;
using Kmem.Analyzers.Model;
using Kmem.Analyzers.Model.Summaries;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Kmem.Analyzers.Flow;

/// <summary>
/// The pointer-state analysis of one method: which allocation sites each local, parameter, field and
/// flow capture may hold, and in which state each site may be (see <see cref="SiteFlags"/>). The
/// reporting pass records the events that the rules read (<see cref="PointerFacts"/>).
/// </summary>
internal sealed class PointerStateAnalysis : ForwardFlowAnalysis<PointerState>
{
    private readonly AnalysisSession session;
    private readonly ImmutableArray<AllocationSite> sites;
    private readonly ImmutableHashSet<string> capturedNames;
    private readonly PointerEventLog log;
    private readonly IAssemblySymbol? runtime;

    private SyntaxNode body = null!;
    /// <summary>Sites allocated again by the current operation while their previous allocation was live.</summary>
    private ulong reallocatedLive;
    /// <summary>The site values of the state being transferred.</summary>
    private SiteValues values;
    private readonly HolderBuffer holders = new();
    private PointerState loadedState = null!;

    [MethodImpl(Jit.Optimized)]
    public PointerStateAnalysis(AnalysisSession session, ImmutableArray<AllocationSite> sites, ImmutableHashSet<string> capturedNames, PointerEventLog log)
    {
        this.session = session;
        this.sites = sites;
        this.capturedNames = capturedNames;
        this.log = log;
        runtime = session.Contract.KernelType?.ContainingAssembly;
    }

    [MethodImpl(Jit.Optimized)]
    protected override PointerState EntryState(ControlFlowGraph cfg)
    {
        body = cfg.OriginalOperation.Syntax;
        var entry = default(SiteValues);
        var held = new HolderBuffer();
        foreach (var site in sites)
        {
            if (site.Parameter is { } parameter)
            {
                entry = entry.With(site.Index, SiteFlags.EscapedUnchecked);
                held[Holder.Of(parameter)] = site.Bit;
            }
        }
        return new PointerState(entry, held.ToImmutable());
    }

    [MethodImpl(Jit.Optimized)]
    protected override PointerState Join(PointerState left, PointerState right) => PointerState.Join(left, right);

    [MethodImpl(Jit.Optimized)]
    protected override bool Same(PointerState left, PointerState right) => PointerState.Same(left, right);

    [MethodImpl(Jit.Optimized)]
    protected override PointerState Transfer(BasicBlock block, PointerState state)
    {
        Load(state);
        foreach (var operation in block.Operations)
            Visit(operation);
        if (block.BranchValue is { } value)
        {
            var returned = Visit(value);
            if (block.ConditionKind == ControlFlowConditionKind.None && block.FallThroughSuccessor?.Semantics == ControlFlowBranchSemantics.Return)
            {
                if (IsFinalPass)
                    log.Return(value, returned, InFinally);
                Escape(returned);
            }
        }
        return Store();
    }

    [MethodImpl(Jit.Optimized)]
    protected override PointerState Refine(IOperation condition, bool value, PointerState state)
    {
        Load(state);
        RefineCore(condition, value, state);
        return Store();
    }

    [MethodImpl(Jit.Optimized)]
    protected override PointerState Traverse(BasicBlock source, ControlFlowBranch branch, (IOperation Condition, bool Value)? condition, PointerState state)
    {
        var toExit = branch.Destination?.Kind == BasicBlockKind.Exit;
        var jump = IsFinalPass ? JumpSyntax.Of(source, condition) : null;
        if (IsFinalPass && jump is not null)
            log.Jump(jump, state);
        if (toExit)
        {
            if (IsFinalPass)
                ReportExitLeaks(source, jump, state);
            return state;
        }
        // The regions the branch leaves: from the source's own region out to the first that holds the target (the
        // branch's LeavingRegions, without the array Roslyn builds for every branch asked).
        var target = branch.Destination!.Ordinal;
        if (Holds(source.EnclosingRegion, target))
            return state;
        Load(state);
        for (var region = source.EnclosingRegion; !Holds(region, target); region = region.EnclosingRegion!)
        {
            foreach (var local in region.Locals)
                Forget(Holder.Of(local), (SyntaxNode?)jump ?? LastSyntax(source));
            foreach (var capture in region.CaptureIds)
                holders.Remove(Holder.Of(capture));
        }
        return Store();
    }

    private static bool Holds(ControlFlowRegion region, int ordinal) => region.FirstBlockOrdinal <= ordinal && ordinal <= region.LastBlockOrdinal;

    [MethodImpl(Jit.Optimized)]
    private void Load(PointerState state)
    {
        reallocatedLive = 0;
        values = state.Sites;
        holders.Load(state.Holders);
        loadedState = state;
    }

    /// <summary>The state after the changes since <see cref="Load"/>; the loaded state itself when nothing changed.</summary>
    [MethodImpl(Jit.Optimized)]
    private PointerState Store()
    {
        var held = holders.ToImmutable();
        return values.SameAs(loadedState.Sites) && ReferenceEquals(held, loadedState.Holders) ? loadedState : loadedState = new PointerState(values, held);
    }

    [MethodImpl(Jit.Optimized)]
    private void Set(int site, SiteFlags value) => values = values.With(site, value);

    [MethodImpl(Jit.Optimized)]
    private ulong Visit(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation call:
                return VisitCall(call);
            case ISimpleAssignmentOperation assignment:
            {
                var value = Visit(assignment.Value);
                Assign(assignment.Target, value, assignment);
                return value;
            }
            case ICompoundAssignmentOperation compound:
                Visit(compound.Value);
                return Read(compound.Target);
            case IFlowCaptureOperation capture:
                holders[Holder.Of(capture.Id)] = Visit(capture.Value);
                return 0;
            case IFlowCaptureReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation:
                return Read(operation);
            case IConversionOperation conversion:
                return Visit(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Visit(parenthesized.Operand);
            case IExpressionStatementOperation statement:
                return Visit(statement.Operation);
            case IBinaryOperation binary:
            {
                var left = Visit(binary.LeftOperand);
                Visit(binary.RightOperand);
                return binary.OperatorKind is BinaryOperatorKind.Add or BinaryOperatorKind.Subtract && session.Contract.IsTrackedType(binary.Type) ? left : 0;
            }
            case IUnaryOperation unary:
                Visit(unary.Operand);
                return 0;
            case IPropertyReferenceOperation property:
                if (property.Instance is { } instance)
                    Use(property, Visit(instance), session.Contract.Dereferences(property.Property));
                foreach (var argument in property.Arguments)
                    Visit(argument.Value);
                return 0;
            case IArrayElementReferenceOperation element:
                Visit(element.ArrayReference);
                foreach (var index in element.Indices)
                    Visit(index);
                return 0;
            case IArgumentOperation argument:
                return Visit(argument.Value);
            case ILiteralOperation or IDefaultValueOperation or IIncrementOrDecrementOperation or IIsNullOperation
                or IIsPatternOperation or IInterpolatedStringOperation or ICaughtExceptionOperation or IInstanceReferenceOperation:
                foreach (var child in operation.ChildOperations)
                    Visit(child);
                return 0;
            case IFlowAnonymousFunctionOperation or IAnonymousFunctionOperation or IDelegateCreationOperation:
                EscapeCaptured(operation.Syntax);
                return 0;
            default:
                foreach (var child in operation.ChildOperations)
                    Escape(Visit(child));
                return 0;
        }
    }

    [MethodImpl(Jit.Optimized)]
    private ulong VisitCall(IInvocationOperation call)
    {
        var target = call.TargetMethod;
        var declared = session.Contract.Of(target);
        var summary = declared.IsEmpty ? MethodSummaries.Of(session, target) : null;
        var release = declared.Release ?? summary?.Release;
        var freedOrdinal = declared.Release is not null ? declared.FreedParameter : summary?.FreedParameter ?? -1;
        var isRuntime = runtime is not null && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, runtime);

        if (call.Instance is { } instance)
            Use(call, Visit(instance), declared.DereferencesReceiver);

        var before = release is not null && IsFinalPass ? Store() : null;
        ulong derived = 0, freed = 0;
        IOperation? freedArgument = null;
        foreach (var argument in call.Arguments)
        {
            var mask = isRuntime ? VisitRuntimeArgument(argument) : Visit(argument.Value);
            var ordinal = argument.Parameter?.Ordinal ?? -1;
            if (argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out)
            {
                Assign(argument.Value, 0, null);
                continue;
            }
            if (release is not null && ordinal == freedOrdinal)
            {
                freed = mask;
                freedArgument = argument.Value;
            }
            else if (isRuntime && ordinal != declared.ReallocatedParameter)
            {
                Use(argument.Value, mask, declared.DereferencedParameters.Contains(ordinal));
                if (ordinal == declared.DerivedFromParameter)
                    derived |= mask;
            }
            else
            {
                if (!isRuntime && IsFinalPass && mask != 0 && ParameterUses.Dereferences(session, target, ordinal))
                    Use(argument.Value, mask, dereferences: true);
                Escape(mask);
            }
        }

        if (release is not null)
        {
            if (before is not null)
            {
                log.Release(new ReleaseEvent(call, release, freedArgument, freed, HolderOf(freedArgument), 
                    CallContract.Argument(call, declared.OrderParameter), CallContract.Argument(call, declared.CacheParameter), before), InFinally);
            }
            Release(freed);
        }

        if ((declared.Allocation ?? summary?.Allocation) is not null && SiteOf(call) is { } site)
        {
            if ((values[site.Index] & SiteFlags.Live) != 0)
                reallocatedLive |= site.Bit;
            Set(site.Index, site.FailsWith == FailureKind.Never ? SiteFlags.NonNull : SiteFlags.Unchecked);
            return site.Bit;
        }
        return derived;
    }

    /// <summary>The site of an allocating call (a method has few sites: a scan costs less than hashing the call).</summary>
    [MethodImpl(Jit.Optimized)]
    private AllocationSite? SiteOf(IInvocationOperation call)
    {
        foreach (var site in sites)
        {
            if (ReferenceEquals(site.Call, call))
                return site;
        }
        return null;
    }

    /// <summary>
    /// A runtime function uses what it gets as a pointer and what it formats (printk's arguments), but
    /// keeps what it gets as an opaque object (request_irq's dev_id): that is handed over.
    /// </summary>
    [MethodImpl(Jit.Optimized)]
    private ulong VisitRuntimeArgument(IArgumentOperation argument)
    {
        if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } elements })
        {
            foreach (var element in elements.ElementValues)
                Visit(element);
            return 0;
        }
        var mask = Visit(argument.Value);
        if (argument.Parameter is { } parameter && !session.Contract.IsTrackedType(parameter.Type) && parameter.Type.SpecialType == SpecialType.System_Object)
        {
            Escape(mask);
            return 0;
        }
        return mask;
    }

    [MethodImpl(Jit.Optimized)]
    private void Assign(IOperation target, ulong value, IOperation? assignment)
    {
        if (target is IPropertyReferenceOperation property)
            Visit(property);
        if (target is IParameterReferenceOperation { Parameter.RefKind: not RefKind.None } || HolderOf(target) is not { } holder)
        {
            Escape(value);
            return;
        }
        if (target is IFieldReferenceOperation { Instance: { } receiver } && receiver is not IInstanceReferenceOperation)
            Visit(receiver);

        var old = Held(holder);
        holders[holder] = value;
        if (holder.IsField || holder.Symbol is { } symbol && capturedNames.Contains(symbol.Name))
        {
            Escape(value);
            if (IsFinalPass && holder.Symbol is IFieldSymbol field && value != 0)
                log.FieldStore(new FieldStoreEvent(field, value));
        }
        // A site allocated again (in a loop) while its previous allocation was live loses the previous one too.
        var lost = (old & ~value) | (old & value & reallocatedLive);
        reallocatedLive &= ~value;
        if (IsFinalPass && assignment is not null && !holder.IsCapture)
            ReportLost(lost, LeakKind.Overwrite, assignment.Syntax, holder);
    }

    [MethodImpl(Jit.Optimized)]
    private void Forget(Holder holder, SyntaxNode point)
    {
        var old = Held(holder);
        if (old == 0)
            return;
        if (IsFinalPass)
            ReportLost(old, LeakKind.OutOfScope, point, holder);
        holders.Remove(holder);
    }

    /// <summary>Reports the sites of <paramref name="mask"/> that are owned, allocated and now held by nobody.</summary>
    [MethodImpl(Jit.Optimized)]
    private void ReportLost(ulong mask, LeakKind kind, SyntaxNode point, Holder holder)
    {
        foreach (var site in sites)
        {
            if ((mask & site.Bit) == 0 || (values[site.Index] & SiteFlags.Live) == 0 || HeldElsewhere(site, holder))
                continue;
            log.Leak(new LeakEvent(site, kind, point, holder, Store()));
        }
    }

    [MethodImpl(Jit.Optimized)]
    private void ReportExitLeaks(BasicBlock source, SyntaxNode? jump, PointerState state)
    {
        foreach (var site in sites)
        {
            if ((state[site.Index] & SiteFlags.Live) != 0)
                log.Leak(new LeakEvent(site, LeakKind.Exit, jump ?? ExitSyntax(source), null, state));
        }
    }

    [MethodImpl(Jit.Optimized)]
    private bool HeldElsewhere(AllocationSite site, Holder except)
    {
        foreach (var pair in holders.ToImmutable())
        {
            if ((pair.Sites & site.Bit) != 0 && !pair.Holder.Equals(except))
                return true;
        }
        return false;
    }

    /// <summary>Where a path leaves the method without a jump statement: the end of the body.</summary>
    [MethodImpl(Jit.Optimized)]
    private SyntaxNode ExitSyntax(BasicBlock source)
    {
        for (var node = LastSyntax(source); node is not null; node = node.Parent)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax { Body: { } method }:
                    return method;
                case LocalFunctionStatementSyntax { Body: { } local }:
                    return local;
                case AnonymousFunctionExpressionSyntax { Block: { } lambda }:
                    return lambda;
            }
        }
        return body;
    }

    [MethodImpl(Jit.Optimized)]
    private SyntaxNode LastSyntax(BasicBlock block) =>
        block.BranchValue?.Syntax ?? (block.Operations.Length > 0 ? block.Operations[block.Operations.Length - 1].Syntax : body);

    [MethodImpl(Jit.Optimized)]
    private void RefineCore(IOperation condition, bool value, PointerState before)
    {
        switch (condition)
        {
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not, OperatorMethod: null } not:
                RefineCore(not.Operand, !value, before);
                return;
            case IUnaryOperation { OperatorMethod: { } op } unary when session.Contract.Of(op).IsNullTest:
                Test(condition, TestKind.Null, Pure(unary.Operand), failed: value, before);
                return;
            case IInvocationOperation call when call.Arguments.Length == 1 && session.Contract.Of(call.TargetMethod) is { IsErrPtrTest: true } test:
                Test(condition, test.ErrPtrTestIncludesNull ? TestKind.ErrPtrOrNull : TestKind.ErrPtr, Pure(call.Arguments[0].Value), failed: value, before);
                return;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals } binary:
            {
                var tested = IsNullValue(binary.RightOperand) ? binary.LeftOperand : IsNullValue(binary.LeftOperand) ? binary.RightOperand : null;
                if (tested is not null)
                    Test(condition, TestKind.Null, Pure(tested), failed: value == (binary.OperatorKind == BinaryOperatorKind.Equals), before);
                return;
            }
            case IIsPatternOperation { Pattern: IConstantPatternOperation constant } pattern when IsNullValue(constant.Value):
                Test(condition, TestKind.Null, Pure(pattern.Value), failed: value, before);
                return;
            case IIsNullOperation isNull:
                Test(condition, TestKind.Null, Pure(isNull.Operand), failed: value, before);
                return;
        }
    }

    [MethodImpl(Jit.Optimized)]
    private void Test(IOperation condition, TestKind kind, ulong mask, bool failed, PointerState before)
    {
        if (mask == 0)
            return;
        if (IsFinalPass && failed)
            log.Test(new TestEvent(condition, kind, mask, before), InFinally);
        foreach (var site in sites)
        {
            if ((mask & site.Bit) == 0)
                continue;
            var decides = kind switch
            {
                TestKind.Null => site.FailsWith != FailureKind.ErrPtr,
                TestKind.ErrPtr => site.FailsWith == FailureKind.ErrPtr,
                _ => true,
            };
            // A test that cannot see this allocator's failure (IS_ERR of a NULL-returning one) says nothing on
            // its false edge; its true edge cannot be taken by a fresh allocation, so it is treated as failed.
            if (failed)
                Set(site.Index, values[site.Index].Failed());
            else if (decides)
                Set(site.Index, values[site.Index].Succeeded());
        }
    }

    [MethodImpl(Jit.Optimized)]
    private bool IsNullValue(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation switch
        {
            { ConstantValue: { HasValue: true, Value: null } } => true,
            { ConstantValue: { HasValue: true, Value: { } constant } } => constant is not string and not bool && System.Convert.ToDecimal(constant, System.Globalization.CultureInfo.InvariantCulture) == 0,
            IFieldReferenceOperation field => session.Contract.IsNullPointer(field.Field),
            IPropertyReferenceOperation property => session.Contract.IsNullPointer(property.Property),
            IDefaultValueOperation => true,
            _ => false,
        };
    }

    /// <summary>The sites a value may hold, without effects (for conditions).</summary>
    [MethodImpl(Jit.Optimized)]
    private ulong Pure(IOperation operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        return HolderOf(operation) is { } holder ? Held(holder) : 0;
    }

    [MethodImpl(Jit.Optimized)]
    private ulong Read(IOperation reference)
    {
        if (reference is IFieldReferenceOperation { Instance: { } receiver } && receiver is not IInstanceReferenceOperation)
            Visit(receiver);
        return HolderOf(reference) is { } holder ? Held(holder) : 0;
    }

    [MethodImpl(Jit.Optimized)]
    private ulong Held(Holder holder) => holders[holder];

    [MethodImpl(Jit.Optimized)]
    private static Holder? HolderOf(IOperation? operation)
    {
        while (operation is IConversionOperation or IParenthesizedOperation)
            operation = operation is IConversionOperation conversion ? conversion.Operand : ((IParenthesizedOperation)operation).Operand;
        return operation switch
        {
            ILocalReferenceOperation local => Holder.Of(local.Local),
            IParameterReferenceOperation parameter => Holder.Of(parameter.Parameter),
            IFlowCaptureReferenceOperation capture => Holder.Of(capture.Id),
            IFieldReferenceOperation { Field.IsStatic: true } field => Holder.Of(field.Field),
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => Holder.Of(field.Field),
            IFieldReferenceOperation { Instance: ILocalReferenceOperation local } field => Holder.FieldOf(field.Field, local.Local),
            IFieldReferenceOperation { Instance: IParameterReferenceOperation parameter } field => Holder.FieldOf(field.Field, parameter.Parameter),
            _ => null,
        };
    }

    [MethodImpl(Jit.Optimized)]
    private void Use(IOperation use, ulong mask, bool dereferences)
    {
        if (IsFinalPass && dereferences && mask != 0)
            log.Use(new UseEvent(use, mask, Store()), InFinally);
    }

    [MethodImpl(Jit.Optimized)]
    private void Escape(ulong mask)
    {
        if (mask == 0)
            return;
        foreach (var site in sites)
        {
            if ((mask & site.Bit) != 0)
                Set(site.Index, values[site.Index].Escape());
        }
    }

    [MethodImpl(Jit.Optimized)]
    private void Release(ulong mask)
    {
        foreach (var site in sites)
        {
            if ((mask & site.Bit) == 0)
                continue;
            var old = values[site.Index];
            Set(site.Index, (old & SiteFlags.Null) | ((old & ~SiteFlags.Null) != 0 ? SiteFlags.Released : SiteFlags.None));
        }
    }

    /// <summary>What a lambda or local function captures is handed over to it.</summary>
    [MethodImpl(Jit.Optimized)]
    private void EscapeCaptured(SyntaxNode function)
    {
        foreach (var node in function.DescendantNodes())
        {
            if (node is not IdentifierNameSyntax name)
                continue;
            foreach (var pair in holders.ToImmutable())
            {
                if (pair.Holder.Symbol is ILocalSymbol or IParameterSymbol && pair.Holder.Symbol.Name == name.Identifier.ValueText)
                    Escape(pair.Sites);
            }
        }
    }
}
