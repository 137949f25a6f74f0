using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace SegGanLab.Scripting;

/// <summary>The parse options every submission is compiled with.</summary>
internal static class ScriptParsing
{
    public static CSharpParseOptions Options { get; } = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);
}
