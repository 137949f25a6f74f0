using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SegGanLab.Scripting;

/// <summary>
/// Completion from Roslyn's semantic model at the cursor, in the context of the session's earlier
/// submissions: members after <c>.</c> (instance members and extension methods of an expression,
/// static members of a type, the contents of a namespace), otherwise every name in scope (locals,
/// script variables, globals, imported types and <c>torch</c>'s bare names) and C# keywords.
/// </summary>
internal static class ScriptCompletion
{
    public static CompletionResult Complete(Compilation compilation, string code, int position)
    {
        var start = position;
        while (start > 0 && IsIdentifierChar(code[start - 1])) start--;
        var prefix = code[start..position];
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var afterDot = ContainerBeforeDot(tree.GetRoot(), start);
        var symbols = afterDot is null ? model.LookupSymbols(start) : MembersOf(model, afterDot, start);
        var items = new Dictionary<string, CompletionItem>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
            if (symbol.CanBeReferencedByName && !symbol.Name.StartsWith('<') && Matches(symbol.Name, prefix))
                items.TryAdd(symbol.Name, new CompletionItem(symbol.Name, KindOf(symbol)));
        if (afterDot is null && prefix.Length > 0)
            foreach (var keyword in Keywords.Value)
                if (Matches(keyword, prefix)) items.TryAdd(keyword, new CompletionItem(keyword, "keyword"));
        var ordered = items.Values
            .OrderBy(i => i.Text.StartsWith(prefix, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(i => i.Text, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new CompletionResult(ordered, CodePoints.FromUtf16(code, start), CodePoints.FromUtf16(code, position));
    }

    static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    static bool Matches(string name, string prefix) => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The expression left of a <c>.</c> (or <c>?.</c>) that ends right before <paramref name="start"/>, if any.</summary>
    static ExpressionSyntax? ContainerBeforeDot(SyntaxNode root, int start)
    {
        if (start == 0) return null;
        var token = root.FindToken(start - 1);
        if (!token.IsKind(SyntaxKind.DotToken) || token.Span.End > start) return null;
        return token.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax { Parent: var p } => p?.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax container, int position)
    {
        var info = model.GetSymbolInfo(container);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return model.LookupNamespacesAndTypes(position, ns);
            case INamedTypeSymbol type:
                return model.LookupStaticMembers(position, type);
        }
        return model.GetTypeInfo(container).Type is { } valueType ? InstanceMembers(model, valueType, position) : [];
    }

    static IEnumerable<ISymbol> InstanceMembers(SemanticModel model, ITypeSymbol type, int position) =>
        model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });

    static string KindOf(ISymbol symbol) => symbol switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Interface } => "interface",
        INamedTypeSymbol { TypeKind: TypeKind.Struct } => "struct",
        INamedTypeSymbol { TypeKind: TypeKind.Enum } => "enum",
        INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "delegate",
        INamedTypeSymbol => "class",
        INamespaceSymbol => "namespace",
        IMethodSymbol => "method",
        IPropertySymbol => "property",
        IFieldSymbol { ContainingType.IsScriptClass: true } => "variable",
        IFieldSymbol { IsConst: true } => "constant",
        IFieldSymbol => "field",
        IEventSymbol => "event",
        ILocalSymbol => "variable",
        IParameterSymbol => "parameter",
        _ => symbol.Kind.ToString().ToLowerInvariant(),
    };

    static readonly Lazy<string[]> Keywords = new(() =>
        SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText).Where(k => k.Length > 0 && char.IsLetter(k[0])).Distinct().ToArray());
}
