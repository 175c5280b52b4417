namespace Kmem.Analyzers;

/// <summary>The registry of KMEM rule IDs.</summary>
public static class RuleIds
{
    public const string SleepInAtomic = "KMEM001";
    public const string Leak = "KMEM002";
    public const string MismatchedRelease = "KMEM003";
    public const string OrderMismatch = "KMEM004";
    public const string WrongFailureTest = "KMEM005";
    public const string UncheckedUse = "KMEM006";
    public const string DoubleRelease = "KMEM007";
    public const string UseAfterRelease = "KMEM008";
    public const string ModuleLifetime = "KMEM009";
    public const string BadSizeOrOrder = "KMEM010";
    public const string BadGfpFlags = "KMEM011";
    public const string OpenCodedMultiplication = "KMEM012";
    public const string KmallocThenMemsetZero = "KMEM013";
    public const string NullTestBeforeFree = "KMEM014";
    public const string OpenCodedKvmalloc = "KMEM015";

    /// <summary>The documentation page of a rule.</summary>
    public static string HelpLink(string id) => $"https://github.com/kmem-dev/kmem/blob/main/docs/rules/{id}.md";
}
