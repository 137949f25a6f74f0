using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace SegGanLab.Scripting;

/// <summary>
/// A session's chain of Roslyn submissions, kept here rather than by Roslyn's scripting API
/// (<c>CSharpScript</c>), for the notebook's round trip:
/// <list type="bullet">
/// <item>A cell that declares nothing later cells could name (no variable, method, type, using
/// directive, <c>#r</c> or <c>#load</c>: <c>model.Plot()</c>, <c>x = 5;</c>, <c>1+1</c>) runs as
/// the next submission but does not join the chain. Roslyn re-binds every earlier submission for
/// each new one, so a longer chain makes every later cell slower and keeps more compilations
/// alive; expression cells no longer lengthen it.</item>
/// <item>A cell is compiled once, by <c>Emit</c>, whose diagnostics already hold the parse,
/// declaration and body errors (the scripting API binds it a second time for them), and
/// sequentially (a cell is far too small for the compiler's worker threads to pay off).</item>
/// </list>
/// Submissions are numbered, named (<c>Submission#N</c>, in an assembly of its own) and run as
/// Roslyn's do: their factory takes the submission array (the globals first, then each chained
/// submission's instance, which holds its top-level variables).
/// </summary>
internal sealed class SubmissionChain
{
    static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Script);

    readonly IReadOnlyList<MetadataReference> _references;
    readonly CSharpCompilationOptions _options;
    readonly object _globals;
    readonly ScriptLoadContext _context;
    readonly string _id = Guid.NewGuid().ToString("N")[..12];
    readonly List<object> _instances = [];
    object?[] _submissions;
    volatile CSharpCompilation? _tip;
    volatile int _length;
    int _count;

    public SubmissionChain(IReadOnlyList<MetadataReference> references, IEnumerable<string> imports, object globals,
                           MetadataReferenceResolver metadataResolver, SourceReferenceResolver sourceResolver)
    {
        _references = references;
        _globals = globals;
        _options = ScriptCompilation.Options(imports, sourceResolver, metadataResolver).WithConcurrentBuild(false);
        _context = new ScriptLoadContext("cells " + _id, []);
        _submissions = [globals, null, null, null];
    }

    /// <summary>How many cells have joined the chain (declared something later cells can name).</summary>
    public int Length => _length;

    /// <summary>The script's variables, oldest first: the public fields of every chained submission.</summary>
    public IReadOnlyList<(string Name, Type Type, object? Value)> Variables
    {
        get
        {
            object[] instances;
            lock (_instances) instances = [.. _instances];
            return instances.SelectMany(s => s.GetType().GetFields(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                                             .Where(f => IsUserName(f.Name))
                                             .Select(f => (f.Name, f.FieldType, f.GetValue(s))))
                            .ToList();
        }
    }

    /// <summary>
    /// <paramref name="code"/> compiled (bound, not emitted) as the next submission, named
    /// <paramref name="name"/> in diagnostics and stack frames. Completion and inspection read it.
    /// </summary>
    public CSharpCompilation Compilation(string code, string name, CancellationToken cancellation = default) =>
        Compilation(Parse(code, name, cancellation));

    static SyntaxTree Parse(string code, string name, CancellationToken cancellation) =>
        CSharpSyntaxTree.ParseText(SourceText.From(code, Encoding.UTF8), ParseOptions, name, cancellation);

    CSharpCompilation Compilation(SyntaxTree tree)
    {
        var number = Interlocked.Increment(ref _count);
        return CSharpCompilation.CreateScriptCompilation($"seggan-cell-{_id}-{number}", tree, _references,
            _options.WithScriptClassName($"Submission#{number}"), _tip, typeof(object), _globals.GetType());
    }

    /// <summary>
    /// Compiles <paramref name="code"/> and loads it. Errors come back as the compiler's lines
    /// (<c>In[3](1,5): error CS0103: ...</c>), in source order, and nothing is loaded.
    /// </summary>
    public CompiledCell Compile(string code, string name, CancellationToken cancellation)
    {
        var tree = Parse(code, name, cancellation);
        var compilation = Compilation(tree);
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        var emit = compilation.Emit(pe, pdb, options: ScriptCompilation.Emitting, cancellationToken: cancellation);
        var errors = ScriptCompilation.Format(emit.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start), DiagnosticSeverity.Error);
        // The cell's own tree: the compilation also holds the trees of files the cell #loads.
        var joins = Declares(tree);
        if (errors.Count > 0) return new CompiledCell(compilation, tree, null, errors, false);
        _context.AddReferences(compilation.DirectiveReferences.OfType<PortableExecutableReference>().Select(r => r.FilePath).OfType<string>());
        // Roslyn emits nothing, and reports no error, for a submission without code to run: only
        // using directives, #r, comments. Its usings still carry to later cells when it joins the chain.
        if (!emit.Success) return new CompiledCell(compilation, tree, null, [], joins);

        var assembly = _context.LoadScript(pe.ToArray(), pdb.ToArray());
        if (compilation.GetEntryPoint(cancellation) is not { } entry) return new CompiledCell(compilation, tree, null, [], joins);
        var factory = ScriptLoadContext.Factory(assembly, entry.ContainingType.MetadataName, entry.MetadataName)
            ?? throw new InvalidOperationException($"{name}: the compiled cell has no {entry.ContainingType.MetadataName}.{entry.MetadataName}.");
        return new CompiledCell(compilation, tree, factory, [], joins);
    }

    /// <summary>
    /// Compiles <paramref name="code"/> <paramref name="times"/> times as the next submission and
    /// throws the result away: nothing is loaded, the chain does not change. Any thread may call it
    /// (a compilation only reads the chain's end); it stops early when <paramref name="cancellation"/> fires.
    /// </summary>
    public void Rehearse(string code, int times, CancellationToken cancellation)
    {
        using var pe = new MemoryStream();
        using var pdb = new MemoryStream();
        for (var i = 0; i < times && !cancellation.IsCancellationRequested; i++)
        {
            pe.SetLength(0);
            pdb.SetLength(0);
            Compilation(Parse(code, "warm-up", cancellation)).Emit(pe, pdb, options: ScriptCompilation.Emitting, cancellationToken: cancellation);
        }
    }

    /// <summary>
    /// Runs a compiled cell and returns its value. A cell that joins the chain does so even when it
    /// throws: the variables it declared before the exception stay, as in Roslyn's scripting API.
    /// Cells run one at a time (the session's thread).
    /// </summary>
    public async Task<object?> RunAsync(CompiledCell cell)
    {
        if (!cell.Succeeded) throw new InvalidOperationException("A cell that did not compile cannot run.");
        if (cell.Factory is null)
        {
            if (cell.JoinsChain) Join(cell.Compilation);
            return null;
        }
        // A submission's slot is at most the number of chained submissions before it, plus one.
        var slots = _length + 2;
        if (_submissions.Length < slots) Array.Resize(ref _submissions, Math.Max(slots, _submissions.Length * 2));
        try
        {
            return await cell.Factory(_submissions);
        }
        finally
        {
            if (cell.JoinsChain)
            {
                // The submission's constructor put its instance in its slot before running any code.
                var instance = Array.Find(_submissions, s => s?.GetType() == cell.Submission);
                if (instance is not null) lock (_instances) _instances.Add(instance);
                Join(cell.Compilation);
            }
        }
    }

    void Join(CSharpCompilation compilation)
    {
        _tip = compilation;
        _length++;
    }

    /// <summary>
    /// True when the cell leaves something a later cell could name: a using directive, <c>#r</c> or
    /// <c>#load</c>, a method, type or other member, a top-level variable (also one declared by
    /// <c>out var</c>, a pattern or a deconstruction, which are script fields at the top level too).
    /// Cautious: a designation anywhere in the cell counts.
    /// </summary>
    internal static bool Declares(SyntaxTree tree)
    {
        var root = tree.GetCompilationUnitRoot();
        if (root.Usings.Count > 0 || root.Externs.Count > 0 || root.AttributeLists.Count > 0) return true;
        if (root.GetReferenceDirectives().Count > 0 || root.GetLoadDirectives().Count > 0) return true;
        foreach (var member in root.Members)
        {
            if (member is not GlobalStatementSyntax { Statement: var statement }) return true;
            if (statement is LocalDeclarationStatementSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax) return true;
            if (statement.DescendantNodes().Any(n => n is VariableDesignationSyntax)) return true;
        }
        return false;
    }

    // Roslyn's rule for which submission fields are script variables: not compiler-generated (<...>) names.
    static bool IsUserName(string name) => name.Length > 0 && (char.IsLetterOrDigit(name[0]) || name[0] == '_');
}

/// <summary>A cell compiled by <see cref="SubmissionChain.Compile"/>: its errors, or its loaded factory.</summary>
/// <param name="Compilation">The cell's compilation (its semantic model says whether it has a value).</param>
/// <param name="Tree">The cell's own syntax tree (the compilation also holds those of the files it <c>#load</c>s).</param>
/// <param name="Factory">Runs the cell given the submission array; null when it did not compile or has no code to run.</param>
/// <param name="Errors">The compile errors, in the compiler's own form; empty when it compiled.</param>
/// <param name="JoinsChain">True when the cell declares something later cells can name, so it becomes the chain's new end.</param>
internal sealed record CompiledCell(CSharpCompilation Compilation, SyntaxTree Tree, Func<object?[], Task<object?>>? Factory, IReadOnlyList<string> Errors, bool JoinsChain)
{
    public bool Succeeded => Errors.Count == 0;

    /// <summary>The loaded submission class (the factory's); null when the cell did not compile or has no code to run.</summary>
    public Type? Submission => Factory?.Method.DeclaringType;
}
