using static SegGanLab.Torch.Native.NativeMethods;

namespace SegGanLab.Torch;

public partial class Tensor
{
    // ---- arithmetic: methods (PyTorch names) -----------------------------------------------------
    /// <summary>this + alpha * other.</summary>
    public Tensor add(Tensor other, Scalar? alpha = null) => Wrap(sg_add(Handle, other.Handle, alpha ?? 1), "add", this, other);
    /// <summary>this + alpha * other.</summary>
    public Tensor add(Scalar other, Scalar? alpha = null) => Wrap(sg_add_s(Handle, other, alpha ?? 1), "add", this);
    /// <summary>this - alpha * other.</summary>
    public Tensor sub(Tensor other, Scalar? alpha = null) => Wrap(sg_sub(Handle, other.Handle, alpha ?? 1), "sub", this, other);
    /// <summary>this - alpha * other.</summary>
    public Tensor sub(Scalar other, Scalar? alpha = null) => Wrap(sg_sub_s(Handle, other, alpha ?? 1), "sub", this);
    /// <summary>Elementwise product.</summary>
    public Tensor mul(Tensor other) => Wrap(sg_mul(Handle, other.Handle), "mul", this, other);
    /// <summary>Product with a scalar.</summary>
    public Tensor mul(Scalar other) => Wrap(sg_mul_s(Handle, other), "mul", this);
    /// <summary>Elementwise true division.</summary>
    public Tensor div(Tensor other) => Wrap(sg_div(Handle, other.Handle), "div", this, other);
    /// <summary>True division by a scalar.</summary>
    public Tensor div(Scalar other) => Wrap(sg_div_s(Handle, other), "div", this);
    /// <summary>Python-style remainder.</summary>
    public Tensor remainder(Tensor other) => Wrap(sg_remainder(Handle, other.Handle), "remainder", this, other);
    /// <summary>Python-style remainder by a scalar.</summary>
    public Tensor remainder(Scalar other) => Wrap(sg_remainder_s(Handle, other), "remainder", this);
    /// <summary>Elementwise power.</summary>
    public Tensor pow(Tensor exponent) => Wrap(sg_pow(Handle, exponent.Handle), "pow", this, exponent);
    /// <summary>Power with a scalar exponent.</summary>
    public Tensor pow(Scalar exponent) => Wrap(sg_pow_s(Handle, exponent), "pow", this);
    /// <summary>Negation.</summary>
    public Tensor neg() => Wrap(sg_neg(Handle), "neg", this);
    /// <summary>Absolute value.</summary>
    public Tensor abs() => Wrap(sg_abs(Handle), "abs", this);
    /// <summary>e^x.</summary>
    public Tensor exp() => Wrap(sg_exp(Handle), "exp", this);
    /// <summary>Natural logarithm.</summary>
    public Tensor log() => Wrap(sg_log(Handle), "log", this);
    /// <summary>log(1 + x).</summary>
    public Tensor log1p() => Wrap(sg_log1p(Handle), "log1p", this);
    /// <summary>Square root.</summary>
    public Tensor sqrt() => Wrap(sg_sqrt(Handle), "sqrt", this);
    /// <summary>1 / sqrt(x).</summary>
    public Tensor rsqrt() => Wrap(sg_rsqrt(Handle), "rsqrt", this);
    /// <summary>x * x.</summary>
    public Tensor square() => Wrap(sg_square(Handle), "square", this);
    /// <summary>Sign (-1, 0, 1).</summary>
    public Tensor sign() => Wrap(sg_sign(Handle), "sign", this);
    /// <summary>Round down.</summary>
    public Tensor floor() => Wrap(sg_floor(Handle), "floor", this);
    /// <summary>Round up.</summary>
    public Tensor ceil() => Wrap(sg_ceil(Handle), "ceil", this);
    /// <summary>Round half to even.</summary>
    public Tensor round() => Wrap(sg_round(Handle), "round", this);
    /// <summary>Sine.</summary>
    public Tensor sin() => Wrap(sg_sin(Handle), "sin", this);
    /// <summary>Cosine.</summary>
    public Tensor cos() => Wrap(sg_cos(Handle), "cos", this);
    /// <summary>1 / x.</summary>
    public Tensor reciprocal() => Wrap(sg_reciprocal(Handle), "reciprocal", this);
    /// <summary>max(x, 0).</summary>
    public Tensor relu() => Wrap(sg_relu(Handle), "relu", this);
    /// <summary>Logistic sigmoid.</summary>
    public Tensor sigmoid() => Wrap(sg_sigmoid(Handle), "sigmoid", this);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor tanh() => Wrap(sg_tanh(Handle), "tanh", this);
    /// <summary>Elementwise NOT of a bool tensor.</summary>
    public Tensor logical_not() => Wrap(sg_logical_not(Handle), "logical_not", this);
    /// <summary>Elementwise AND.</summary>
    public Tensor logical_and(Tensor other) => Wrap(sg_logical_and(Handle, other.Handle), "logical_and", this, other);
    /// <summary>Elementwise OR.</summary>
    public Tensor logical_or(Tensor other) => Wrap(sg_logical_or(Handle, other.Handle), "logical_or", this, other);
    /// <summary>True where NaN.</summary>
    public Tensor isnan() => Wrap(sg_isnan(Handle), "isnan", this);
    /// <summary>True where finite.</summary>
    public Tensor isfinite() => Wrap(sg_isfinite(Handle), "isfinite", this);
    /// <summary>Elementwise maximum.</summary>
    public Tensor maximum(Tensor other) => Wrap(sg_maximum(Handle, other.Handle), "maximum", this, other);
    /// <summary>Elementwise minimum.</summary>
    public Tensor minimum(Tensor other) => Wrap(sg_minimum(Handle, other.Handle), "minimum", this, other);
    /// <summary>Clamps into [min, max]; a null bound is open.</summary>
    public Tensor clamp(double? min = null, double? max = null) => Wrap(sg_clamp(Handle, min ?? double.NaN, max ?? double.NaN), "clamp", this);
    /// <summary>Clamps from below.</summary>
    public Tensor clamp_min(double min) => clamp(min, null);
    /// <summary>Clamps from above.</summary>
    public Tensor clamp_max(double max) => clamp(null, max);
    /// <summary>Matrix product with broadcasting (torch.matmul).</summary>
    public Tensor matmul(Tensor other) => Wrap(sg_matmul(Handle, other.Handle), "matmul", this, other);
    /// <summary>2-D matrix product.</summary>
    public Tensor mm(Tensor other) => Wrap(sg_mm(Handle, other.Handle), "mm", this, other);
    /// <summary>Batched matrix product.</summary>
    public Tensor bmm(Tensor other) => Wrap(sg_bmm(Handle, other.Handle), "bmm", this, other);
    /// <summary>Replaces elements where <paramref name="mask"/> is true.</summary>
    public Tensor masked_fill(Tensor mask, Scalar value) => Wrap(sg_masked_fill(Handle, mask.Handle, value), "masked_fill", this, mask);
    /// <summary>The elements where <paramref name="mask"/> is true, as a 1-D tensor.</summary>
    public Tensor masked_select(Tensor mask) => Wrap(sg_masked_select(Handle, mask.Handle), "masked_select", this, mask);
    /// <summary>True when every element is close to <paramref name="other"/>'s.</summary>
    public bool allclose(Tensor other, double rtol = 1e-5, double atol = 1e-8)
    {
        using var r = Wrap(sg_allclose(Handle, other.Handle, rtol, atol), "allclose", this, other);
        return r.item<bool>();
    }

    // ---- comparisons -----------------------------------------------------------------------------------
    /// <summary>Elementwise ==.</summary>
    public Tensor eq(Tensor other) => Wrap(sg_eq(Handle, other.Handle), "eq", this, other);
    /// <summary>Elementwise == scalar.</summary>
    public Tensor eq(Scalar other) => Wrap(sg_eq_s(Handle, other), "eq", this);
    /// <summary>Elementwise !=.</summary>
    public Tensor ne(Tensor other) => Wrap(sg_ne(Handle, other.Handle), "ne", this, other);
    /// <summary>Elementwise != scalar.</summary>
    public Tensor ne(Scalar other) => Wrap(sg_ne_s(Handle, other), "ne", this);
    /// <summary>Elementwise &lt;.</summary>
    public Tensor lt(Tensor other) => Wrap(sg_lt(Handle, other.Handle), "lt", this, other);
    /// <summary>Elementwise &lt; scalar.</summary>
    public Tensor lt(Scalar other) => Wrap(sg_lt_s(Handle, other), "lt", this);
    /// <summary>Elementwise &lt;=.</summary>
    public Tensor le(Tensor other) => Wrap(sg_le(Handle, other.Handle), "le", this, other);
    /// <summary>Elementwise &lt;= scalar.</summary>
    public Tensor le(Scalar other) => Wrap(sg_le_s(Handle, other), "le", this);
    /// <summary>Elementwise &gt;.</summary>
    public Tensor gt(Tensor other) => Wrap(sg_gt(Handle, other.Handle), "gt", this, other);
    /// <summary>Elementwise &gt; scalar.</summary>
    public Tensor gt(Scalar other) => Wrap(sg_gt_s(Handle, other), "gt", this);
    /// <summary>Elementwise &gt;=.</summary>
    public Tensor ge(Tensor other) => Wrap(sg_ge(Handle, other.Handle), "ge", this, other);
    /// <summary>Elementwise &gt;= scalar.</summary>
    public Tensor ge(Scalar other) => Wrap(sg_ge_s(Handle, other), "ge", this);

    // ---- in-place (used by optimizers and init; they return this) ----------------------------------------
    /// <summary>In place: this += alpha * other.</summary>
    public Tensor add_(Tensor other, Scalar? alpha = null) { Check(sg_add_(Handle, other.Handle, alpha ?? 1), "add_", this, other); return this; }
    /// <summary>In place: this += alpha * other.</summary>
    public Tensor add_(Scalar other, Scalar? alpha = null) { Check(sg_add_s_(Handle, other, alpha ?? 1), "add_", this); return this; }
    /// <summary>In place: this -= alpha * other.</summary>
    public Tensor sub_(Tensor other, Scalar? alpha = null) { Check(sg_sub_(Handle, other.Handle, alpha ?? 1), "sub_", this, other); return this; }
    /// <summary>In place: this -= alpha * other.</summary>
    public Tensor sub_(Scalar other, Scalar? alpha = null) { Check(sg_sub_s_(Handle, other, alpha ?? 1), "sub_", this); return this; }
    /// <summary>In place: this *= other.</summary>
    public Tensor mul_(Tensor other) { Check(sg_mul_(Handle, other.Handle), "mul_", this, other); return this; }
    /// <summary>In place: this *= other.</summary>
    public Tensor mul_(Scalar other) { Check(sg_mul_s_(Handle, other), "mul_", this); return this; }
    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Tensor other) { Check(sg_div_(Handle, other.Handle), "div_", this, other); return this; }
    /// <summary>In place: this /= other.</summary>
    public Tensor div_(Scalar other) { Check(sg_div_s_(Handle, other), "div_", this); return this; }
    /// <summary>In place: this = this ^ exponent.</summary>
    public Tensor pow_(Scalar exponent) { Check(sg_pow_s_(Handle, exponent), "pow_", this); return this; }
    /// <summary>In place: this += value * t1 * t2.</summary>
    public Tensor addcmul_(Tensor t1, Tensor t2, Scalar? value = null) { Check(sg_addcmul_(Handle, t1.Handle, t2.Handle, value ?? 1), "addcmul_", this, t1, t2); return this; }
    /// <summary>In place: this += value * t1 / t2.</summary>
    public Tensor addcdiv_(Tensor t1, Tensor t2, Scalar? value = null) { Check(sg_addcdiv_(Handle, t1.Handle, t2.Handle, value ?? 1), "addcdiv_", this, t1, t2); return this; }
    /// <summary>In place: this += weight * (end - this).</summary>
    public Tensor lerp_(Tensor end, Scalar weight) { Check(sg_lerp_(Handle, end.Handle, weight), "lerp_", this, end); return this; }
    /// <summary>In place square root.</summary>
    public Tensor sqrt_() { Check(sg_sqrt_(Handle), "sqrt_", this); return this; }
    /// <summary>In place exp.</summary>
    public Tensor exp_() { Check(sg_exp_(Handle), "exp_", this); return this; }
    /// <summary>In place log.</summary>
    public Tensor log_() { Check(sg_log_(Handle), "log_", this); return this; }
    /// <summary>In place abs.</summary>
    public Tensor abs_() { Check(sg_abs_(Handle), "abs_", this); return this; }
    /// <summary>In place negation.</summary>
    public Tensor neg_() { Check(sg_neg_(Handle), "neg_", this); return this; }
    /// <summary>In place relu.</summary>
    public Tensor relu_() { Check(sg_relu_(Handle), "relu_", this); return this; }
    /// <summary>In place sigmoid.</summary>
    public Tensor sigmoid_() { Check(sg_sigmoid_(Handle), "sigmoid_", this); return this; }
    /// <summary>In place tanh.</summary>
    public Tensor tanh_() { Check(sg_tanh_(Handle), "tanh_", this); return this; }
    /// <summary>Sets every element to zero.</summary>
    public Tensor zero_() { Check(sg_zero_(Handle), "zero_", this); return this; }
    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public Tensor fill_(Scalar value) { Check(sg_fill_(Handle, value), "fill_", this); return this; }
    /// <summary>In place clamp.</summary>
    public Tensor clamp_(double? min = null, double? max = null) { Check(sg_clamp_(Handle, min ?? double.NaN, max ?? double.NaN), "clamp_", this); return this; }
    /// <summary>In place masked fill.</summary>
    public Tensor masked_fill_(Tensor mask, Scalar value) { Check(sg_masked_fill_(Handle, mask.Handle, value), "masked_fill_", this, mask); return this; }
    /// <summary>Fills with U(from, to).</summary>
    public Tensor uniform_(double from = 0, double to = 1, Generator? generator = null) { Check(sg_uniform_(Handle, from, to, generator?.Handle ?? IntPtr.Zero), "uniform_", this); return this; }
    /// <summary>Fills with N(mean, std²).</summary>
    public Tensor normal_(double mean = 0, double std = 1, Generator? generator = null) { Check(sg_normal_(Handle, mean, std, generator?.Handle ?? IntPtr.Zero), "normal_", this); return this; }
    /// <summary>Fills with Bernoulli(p) draws.</summary>
    public Tensor bernoulli_(double p = 0.5, Generator? generator = null) { Check(sg_bernoulli_(Handle, p, generator?.Handle ?? IntPtr.Zero), "bernoulli_", this); return this; }
    /// <summary>Copies <paramref name="source"/>'s values into this tensor (broadcasting, converting dtype and device).</summary>
    public Tensor copy_(Tensor source, bool non_blocking = false) { Check(sg_tensor_copy_(Handle, source.Handle, non_blocking ? 1 : 0), "copy_", this, source); return this; }

    // ---- C# operators ---------------------------------------------------------------------------------------
#pragma warning disable CS1591 // Operators mirror the methods above.
    public static Tensor operator +(Tensor a, Tensor b) => a.add(b);
    public static Tensor operator +(Tensor a, Scalar b) => a.add(b);
    public static Tensor operator +(Scalar a, Tensor b) => b.add(a);
    public static Tensor operator -(Tensor a, Tensor b) => a.sub(b);
    public static Tensor operator -(Tensor a, Scalar b) => a.sub(b);
    public static Tensor operator -(Scalar a, Tensor b) => Wrap(sg_rsub_s(b.Handle, a), "rsub", b);
    public static Tensor operator *(Tensor a, Tensor b) => a.mul(b);
    public static Tensor operator *(Tensor a, Scalar b) => a.mul(b);
    public static Tensor operator *(Scalar a, Tensor b) => b.mul(a);
    public static Tensor operator /(Tensor a, Tensor b) => a.div(b);
    public static Tensor operator /(Tensor a, Scalar b) => a.div(b);
    public static Tensor operator /(Scalar a, Tensor b) => Wrap(sg_rdiv_s(b.Handle, a), "rdiv", b);
    public static Tensor operator %(Tensor a, Tensor b) => a.remainder(b);
    public static Tensor operator %(Tensor a, Scalar b) => a.remainder(b);
    public static Tensor operator -(Tensor a) => a.neg();
    public static Tensor operator &(Tensor a, Tensor b) => Wrap(sg_bitwise_and(a.Handle, b.Handle), "bitwise_and", a, b);
    public static Tensor operator |(Tensor a, Tensor b) => Wrap(sg_bitwise_or(a.Handle, b.Handle), "bitwise_or", a, b);
    public static Tensor operator ^(Tensor a, Tensor b) => Wrap(sg_bitwise_xor(a.Handle, b.Handle), "bitwise_xor", a, b);
    public static Tensor operator !(Tensor a) => a.logical_not();
    public static Tensor operator <(Tensor a, Tensor b) => a.lt(b);
    public static Tensor operator >(Tensor a, Tensor b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Tensor b) => a.le(b);
    public static Tensor operator >=(Tensor a, Tensor b) => a.ge(b);
    public static Tensor operator <(Tensor a, Scalar b) => a.lt(b);
    public static Tensor operator >(Tensor a, Scalar b) => a.gt(b);
    public static Tensor operator <=(Tensor a, Scalar b) => a.le(b);
    public static Tensor operator >=(Tensor a, Scalar b) => a.ge(b);
#pragma warning restore CS1591

    // ---- reductions ---------------------------------------------------------------------------------------------
    /// <summary>Sum of all elements (optionally accumulated in <paramref name="type"/>).</summary>
    public Tensor sum(ScalarType? type = null) => Wrap(sg_sum(Handle, default, 0, 0, (int?)type ?? -1), "sum", this);
    /// <summary>Sum over <paramref name="dims"/>.</summary>
    public Tensor sum(long[] dims, bool keepdim = false, ScalarType? type = null) => Wrap(sg_sum(Handle, dims, dims.Length, keepdim ? 1 : 0, (int?)type ?? -1), "sum", this);
    /// <summary>Sum over one dimension.</summary>
    public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => sum([dim], keepdim, type);
    /// <summary>Mean of all elements.</summary>
    public Tensor mean(ScalarType? type = null) => Wrap(sg_mean(Handle, default, 0, 0, (int?)type ?? -1), "mean", this);
    /// <summary>Mean over <paramref name="dims"/>.</summary>
    public Tensor mean(long[] dims, bool keepdim = false, ScalarType? type = null) => Wrap(sg_mean(Handle, dims, dims.Length, keepdim ? 1 : 0, (int?)type ?? -1), "mean", this);
    /// <summary>Mean over one dimension.</summary>
    public Tensor mean(long dim, bool keepdim = false) => mean([dim], keepdim);
    /// <summary>Product of all elements.</summary>
    public Tensor prod(ScalarType? type = null) => Wrap(sg_prod(Handle, (int?)type ?? -1), "prod", this);
    /// <summary>Standard deviation over all elements.</summary>
    public Tensor std(bool unbiased = true) => Wrap(sg_std(Handle, default, 0, unbiased ? 1 : 0, 0), "std", this);
    /// <summary>Standard deviation over <paramref name="dims"/>.</summary>
    public Tensor std(long[] dims, bool unbiased = true, bool keepdim = false) => Wrap(sg_std(Handle, dims, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0), "std", this);
    /// <summary>Variance over all elements.</summary>
    public Tensor var(bool unbiased = true) => Wrap(sg_var(Handle, default, 0, unbiased ? 1 : 0, 0), "var", this);
    /// <summary>Variance over <paramref name="dims"/>.</summary>
    public Tensor var(long[] dims, bool unbiased = true, bool keepdim = false) => Wrap(sg_var(Handle, dims, dims.Length, unbiased ? 1 : 0, keepdim ? 1 : 0), "var", this);
    /// <summary>The p-norm of all elements.</summary>
    public Tensor norm(double p = 2) => Wrap(sg_norm(Handle, p), "norm", this);
    /// <summary>
    /// The p-norm along <paramref name="dim"/> (LibTorch's kernel: p may be any value including
    /// infinity and 0; the gradient where the norm is 0 is 0, as in PyTorch). Positional order is
    /// PyTorch's <c>norm(p, dim)</c>, so <c>x.norm(1)</c> stays the 1-norm of all elements.
    /// </summary>
    public Tensor norm(double p, long dim, bool keepdim = false) => Wrap(sg_norm_dim(Handle, p, [dim], 1, keepdim ? 1 : 0), "norm", this);
    /// <summary>The largest element.</summary>
    public Tensor max() => Wrap(sg_max_all(Handle), "max", this);
    /// <summary>The smallest element.</summary>
    public Tensor min() => Wrap(sg_min_all(Handle), "min", this);
    /// <summary>Largest values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false)
    {
        Span<IntPtr> o = stackalloc IntPtr[2];
        return Pair(sg_max_dim(Handle, dim, keepdim ? 1 : 0, o), o, "max");
    }
    /// <summary>Smallest values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false)
    {
        Span<IntPtr> o = stackalloc IntPtr[2];
        return Pair(sg_min_dim(Handle, dim, keepdim ? 1 : 0, o), o, "min");
    }
    /// <summary>Index of the largest element (flattened, or along <paramref name="dim"/>).</summary>
    public Tensor argmax(long? dim = null, bool keepdim = false) => Wrap(sg_argmax(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0), "argmax", this);
    /// <summary>Index of the smallest element (flattened, or along <paramref name="dim"/>).</summary>
    public Tensor argmin(long? dim = null, bool keepdim = false) => Wrap(sg_argmin(Handle, dim ?? 0, dim.HasValue ? 1 : 0, keepdim ? 1 : 0), "argmin", this);
    /// <summary>The k largest (or smallest) values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indexes) topk(long k, long dim = -1, bool largest = true, bool sorted = true)
    {
        Span<IntPtr> o = stackalloc IntPtr[2];
        return Pair(sg_topk(Handle, k, dim, largest ? 1 : 0, sorted ? 1 : 0, o), o, "topk");
    }
    /// <summary>Sorted values along <paramref name="dim"/> and their indices.</summary>
    public (Tensor values, Tensor indexes) sort(long dim = -1, bool descending = false)
    {
        Span<IntPtr> o = stackalloc IntPtr[2];
        return Pair(sg_sort(Handle, dim, descending ? 1 : 0, o), o, "sort");
    }
    /// <summary>Cumulative sum along <paramref name="dim"/>.</summary>
    public Tensor cumsum(long dim) => Wrap(sg_cumsum(Handle, dim), "cumsum", this);
    /// <summary>True if any element is non-zero.</summary>
    public Tensor any() => Wrap(sg_any(Handle), "any", this);
    /// <summary>True if every element is non-zero.</summary>
    public Tensor all() => Wrap(sg_all(Handle), "all", this);
    /// <summary>Counts of each value of a non-negative int tensor.</summary>
    public Tensor bincount(Tensor? weights = null, long minlength = 0) => Wrap(sg_bincount(Handle, weights?.Handle ?? IntPtr.Zero, minlength), "bincount", this, weights);

    /// <summary>The diagonal (offset above, below the main one when negative) of a matrix.</summary>
    public Tensor diagonal(long offset = 0) => Wrap(sg_diagonal(Handle, offset), "diagonal", this);

    /// <summary>Reduced QR decomposition of a matrix (torch.linalg.qr).</summary>
    public (Tensor Q, Tensor R) qr()
    {
        Span<IntPtr> o = stackalloc IntPtr[2];
        return Pair(sg_linalg_qr(Handle, o), o, "linalg_qr");
    }

    /// <summary>Wraps a native (values, indices) pair written into <paramref name="output"/>.</summary>
    internal (Tensor, Tensor) Pair(int status, Span<IntPtr> output, string op)
    {
        if (status < 0) throw Fail(op, [this]);
        return (new Tensor(output[0]), new Tensor(output[1]));
    }
}
