using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SegGanLab.Scripting;

/// <summary>
/// Inspect (Shift+Tab in Jupyter): the symbol at the cursor, or the method whose argument list
/// the cursor is in, shown as its signature (every overload of a method group), its XML doc
/// summary, and for a script variable its current value.
/// </summary>
internal static class ScriptInspection
{
    const int MaxOverloads = 12;

    static readonly SymbolDisplayFormat Signature = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypes,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters | SymbolDisplayGenericsOptions.IncludeTypeConstraints,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeContainingType
                       | SymbolDisplayMemberOptions.IncludeModifiers | SymbolDisplayMemberOptions.IncludeRef | SymbolDisplayMemberOptions.IncludeConstantValue,
        delegateStyle: SymbolDisplayDelegateStyle.NameAndSignature,
        extensionMethodStyle: SymbolDisplayExtensionMethodStyle.StaticMethod,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeName | SymbolDisplayParameterOptions.IncludeDefaultValue
                          | SymbolDisplayParameterOptions.IncludeParamsRefOut | SymbolDisplayParameterOptions.IncludeExtensionThis,
        propertyStyle: SymbolDisplayPropertyStyle.ShowReadWriteDescriptor,
        localOptions: SymbolDisplayLocalOptions.IncludeType,
        kindOptions: SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <summary>The text shown for the symbol at <paramref name="position"/>, or null when there is none.</summary>
    public static string? Inspect(Compilation compilation, int position, bool details, Func<string, object?> variableValue)
    {
        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        if (NodeAt(tree.GetRoot(), position) is not { } node) return null;
        var symbols = SymbolsOf(model, node);
        if (symbols.Count == 0) return null;
        var sb = new StringBuilder();
        foreach (var s in symbols.Take(MaxOverloads)) sb.AppendLine(s.ToDisplayString(Signature));
        if (symbols.Count > MaxOverloads) sb.AppendLine($"(+{symbols.Count - MaxOverloads} more overloads)");
        var first = symbols[0];
        if (first is IFieldSymbol { ContainingType.IsScriptClass: true } variable)
            sb.Append("value: ").AppendLine(PlainText.Of(variableValue(variable.Name)));
        var doc = DocComment.ToText((first.OriginalDefinition ?? first).GetDocumentationCommentXml(expandIncludes: true), details);
        if (doc.Length > 0) sb.AppendLine().AppendLine(doc);
        return sb.ToString().TrimEnd();
    }

    /// <summary>The name at the cursor (or just left of it), else the callee of the argument list around it.</summary>
    static SyntaxNode? NodeAt(SyntaxNode root, int position)
    {
        foreach (var at in new[] { position, position - 1 })
        {
            if (at < 0 || at >= root.FullSpan.End) continue;
            var token = root.FindToken(at);
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.Contains(at) || token.Span.End == at && token.IsKind(SyntaxKind.IdentifierToken))
                return token.Parent;
            if (SyntaxFacts.IsPredefinedType(token.Kind()) && token.Span.Start <= at && at <= token.Span.End) return token.Parent;
        }
        var inside = root.FindToken(Math.Max(0, Math.Min(position, root.FullSpan.End) - 1)).Parent;
        var arguments = inside?.AncestorsAndSelf().OfType<ArgumentListSyntax>().FirstOrDefault();
        return arguments?.Parent switch
        {
            InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name,
            InvocationExpressionSyntax call => call.Expression,
            BaseObjectCreationExpressionSyntax creation => creation,
            _ => null,
        };
    }

    static IReadOnlyList<ISymbol> SymbolsOf(SemanticModel model, SyntaxNode node)
    {
        var info = model.GetSymbolInfo(node);
        if (node is ExpressionSyntax expression)
        {
            var group = model.GetMemberGroup(expression);
            if (group.Length > 1)
            {
                // The overload the code resolves to first, then the others.
                var chosen = info.Symbol;
                return chosen is null ? group : [chosen, .. group.Where(g => !SymbolEqualityComparer.Default.Equals(g, chosen))];
            }
        }
        if (info.Symbol is { } symbol) return [symbol];
        if (info.CandidateSymbols.Length > 0) return info.CandidateSymbols;
        if (model.GetDeclaredSymbol(node) is { } declared) return [declared];
        return model.GetTypeInfo(node).Type is { TypeKind: not TypeKind.Error } type ? [type] : [];
    }
}
