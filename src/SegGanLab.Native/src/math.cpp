// Elementwise math, comparisons, reductions and linear algebra.
#include "seggan_native.h"

using sg::ints;
using sg::scalar;
using sg::wrap;

// Unary ops: out-of-place and in-place.
#define SG_UNARY(name)                                                                           \
  SG_API sg_tensor sg_##name(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::name(*a));) } \
  SG_API int32_t sg_##name##_(sg_tensor a) { SG_GUARD(-1, a->name##_(); return 0;) }
SG_UNARY(neg)
SG_UNARY(abs)
SG_UNARY(exp)
SG_UNARY(log)
SG_UNARY(log1p)
SG_UNARY(sqrt)
SG_UNARY(rsqrt)
SG_UNARY(sign)
SG_UNARY(floor)
SG_UNARY(ceil)
SG_UNARY(round)
SG_UNARY(sin)
SG_UNARY(cos)
SG_UNARY(reciprocal)
SG_UNARY(relu)
SG_UNARY(sigmoid)
SG_UNARY(tanh)
SG_UNARY(logical_not)
SG_API sg_tensor sg_isnan(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::isnan(*a));) }
SG_API sg_tensor sg_isfinite(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::isfinite(*a));) }
SG_API sg_tensor sg_square(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::square(*a));) }

// Binary ops with a tensor or a scalar right-hand side, out-of-place and in-place.
#define SG_BINARY(name)                                                                                             \
  SG_API sg_tensor sg_##name(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::name(*a, *b));) }     \
  SG_API sg_tensor sg_##name##_s(sg_tensor a, sg_scalar b) { SG_GUARD(nullptr, return wrap(at::name(*a, scalar(b)));) } \
  SG_API int32_t sg_##name##_(sg_tensor a, sg_tensor b) { SG_GUARD(-1, a->name##_(*b); return 0;) }               \
  SG_API int32_t sg_##name##_s_(sg_tensor a, sg_scalar b) { SG_GUARD(-1, a->name##_(scalar(b)); return 0;) }
SG_BINARY(mul)
SG_BINARY(div)
SG_BINARY(remainder)
SG_BINARY(pow)
SG_BINARY(eq)
SG_BINARY(ne)
SG_BINARY(lt)
SG_BINARY(le)
SG_BINARY(gt)
SG_BINARY(ge)
SG_BINARY(fmod)
SG_BINARY(bitwise_and)
SG_BINARY(bitwise_or)
SG_BINARY(bitwise_xor)

// add/sub carry an alpha (a + alpha * b).
SG_API sg_tensor sg_add(sg_tensor a, sg_tensor b, sg_scalar alpha) { SG_GUARD(nullptr, return wrap(at::add(*a, *b, scalar(alpha)));) }
SG_API sg_tensor sg_add_s(sg_tensor a, sg_scalar b, sg_scalar alpha) { SG_GUARD(nullptr, return wrap(at::add(*a, scalar(b), scalar(alpha)));) }
SG_API int32_t sg_add_(sg_tensor a, sg_tensor b, sg_scalar alpha) { SG_GUARD(-1, a->add_(*b, scalar(alpha)); return 0;) }
SG_API int32_t sg_add_s_(sg_tensor a, sg_scalar b, sg_scalar alpha) { SG_GUARD(-1, a->add_(scalar(b), scalar(alpha)); return 0;) }
SG_API sg_tensor sg_sub(sg_tensor a, sg_tensor b, sg_scalar alpha) { SG_GUARD(nullptr, return wrap(at::sub(*a, *b, scalar(alpha)));) }
SG_API sg_tensor sg_sub_s(sg_tensor a, sg_scalar b, sg_scalar alpha) { SG_GUARD(nullptr, return wrap(at::sub(*a, scalar(b), scalar(alpha)));) }
SG_API int32_t sg_sub_(sg_tensor a, sg_tensor b, sg_scalar alpha) { SG_GUARD(-1, a->sub_(*b, scalar(alpha)); return 0;) }
SG_API int32_t sg_sub_s_(sg_tensor a, sg_scalar b, sg_scalar alpha) { SG_GUARD(-1, a->sub_(scalar(b), scalar(alpha)); return 0;) }
SG_API sg_tensor sg_rsub_s(sg_tensor a, sg_scalar b) { SG_GUARD(nullptr, return wrap(at::rsub(*a, scalar(b)));) }
// scalar / tensor, as PyTorch's Tensor.__rdiv__: reciprocal() * b. Out of place: reciprocal's backward
// reuses its result, so multiplying that result in place breaks backward().
SG_API sg_tensor sg_rdiv_s(sg_tensor a, sg_scalar b) { SG_GUARD(nullptr, return wrap(at::mul(at::reciprocal(*a), scalar(b)));) }
SG_API sg_tensor sg_pow_scalar_base(sg_scalar base, sg_tensor e) { SG_GUARD(nullptr, return wrap(at::pow(scalar(base), *e));) }
SG_API sg_tensor sg_logical_and(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::logical_and(*a, *b));) }
SG_API sg_tensor sg_logical_or(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::logical_or(*a, *b));) }
SG_API sg_tensor sg_maximum(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::maximum(*a, *b));) }
SG_API sg_tensor sg_minimum(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::minimum(*a, *b));) }
SG_API sg_tensor sg_atan2(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::atan2(*a, *b));) }

// Fused ops the optimizers are made of.
SG_API int32_t sg_addcmul_(sg_tensor a, sg_tensor t1, sg_tensor t2, sg_scalar v) { SG_GUARD(-1, a->addcmul_(*t1, *t2, scalar(v)); return 0;) }
SG_API int32_t sg_addcdiv_(sg_tensor a, sg_tensor t1, sg_tensor t2, sg_scalar v) { SG_GUARD(-1, a->addcdiv_(*t1, *t2, scalar(v)); return 0;) }
SG_API int32_t sg_lerp_(sg_tensor a, sg_tensor end, sg_scalar w) { SG_GUARD(-1, a->lerp_(*end, scalar(w)); return 0;) }
SG_API int32_t sg_zero_(sg_tensor a) { SG_GUARD(-1, a->zero_(); return 0;) }
SG_API int32_t sg_fill_(sg_tensor a, sg_scalar v) { SG_GUARD(-1, a->fill_(scalar(v)); return 0;) }
SG_API int32_t sg_uniform_(sg_tensor a, double from, double to, sg_generator g) {
  SG_GUARD(-1, a->uniform_(from, to, g ? c10::optional<at::Generator>(*g) : c10::nullopt); return 0;)
}
SG_API int32_t sg_normal_(sg_tensor a, double mean, double std, sg_generator g) {
  SG_GUARD(-1, a->normal_(mean, std, g ? c10::optional<at::Generator>(*g) : c10::nullopt); return 0;)
}
SG_API int32_t sg_bernoulli_(sg_tensor a, double p, sg_generator g) {
  SG_GUARD(-1, a->bernoulli_(p, g ? c10::optional<at::Generator>(*g) : c10::nullopt); return 0;)
}

// clamp: a NaN bound means "no bound".
SG_API sg_tensor sg_clamp(sg_tensor a, double lo, double hi) {
  SG_GUARD(nullptr, return wrap(at::clamp(*a, std::isnan(lo) ? c10::optional<at::Scalar>() : at::Scalar(lo),
                                            std::isnan(hi) ? c10::optional<at::Scalar>() : at::Scalar(hi)));)
}
SG_API int32_t sg_clamp_(sg_tensor a, double lo, double hi) {
  SG_GUARD(-1, at::clamp_(*a, std::isnan(lo) ? c10::optional<at::Scalar>() : at::Scalar(lo),
                          std::isnan(hi) ? c10::optional<at::Scalar>() : at::Scalar(hi)); return 0;)
}
SG_API sg_tensor sg_where(sg_tensor cond, sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::where(*cond, *a, *b));) }
SG_API sg_tensor sg_where_s(sg_tensor cond, sg_tensor a, sg_scalar b) { SG_GUARD(nullptr, return wrap(at::where(*cond, *a, scalar(b)));) }
SG_API sg_tensor sg_masked_fill(sg_tensor a, sg_tensor mask, sg_scalar v) { SG_GUARD(nullptr, return wrap(at::masked_fill(*a, *mask, scalar(v)));) }
SG_API int32_t sg_masked_fill_(sg_tensor a, sg_tensor mask, sg_scalar v) { SG_GUARD(-1, a->masked_fill_(*mask, scalar(v)); return 0;) }
SG_API sg_tensor sg_masked_select(sg_tensor a, sg_tensor mask) { SG_GUARD(nullptr, return wrap(at::masked_select(*a, *mask));) }
SG_API sg_tensor sg_allclose(sg_tensor a, sg_tensor b, double rtol, double atol) {
  SG_GUARD(nullptr, return wrap(at::scalar_tensor(at::allclose(*a, *b, rtol, atol) ? 1 : 0, at::kBool));)
}

// ---- reductions: dims == nullptr with n == 0 means "all dimensions" --------------
static at::OptionalIntArrayRef dims_or_all(const int64_t* dims, int32_t n) {
  return n > 0 ? at::OptionalIntArrayRef(ints(dims, n)) : at::OptionalIntArrayRef(c10::nullopt);
}
static c10::optional<at::ScalarType> dtype_or_none(int32_t dtype) {
  return dtype >= 0 ? c10::optional<at::ScalarType>(static_cast<at::ScalarType>(dtype)) : c10::nullopt;
}
SG_API sg_tensor sg_sum(sg_tensor a, const int64_t* dims, int32_t n, int32_t keepdim, int32_t dtype) {
  SG_GUARD(nullptr, return wrap(n > 0 ? at::sum(*a, ints(dims, n), keepdim != 0, dtype_or_none(dtype)) : at::sum(*a, dtype_or_none(dtype)));)
}
SG_API sg_tensor sg_mean(sg_tensor a, const int64_t* dims, int32_t n, int32_t keepdim, int32_t dtype) {
  SG_GUARD(nullptr, return wrap(n > 0 ? at::mean(*a, ints(dims, n), keepdim != 0, dtype_or_none(dtype)) : at::mean(*a, dtype_or_none(dtype)));)
}
SG_API sg_tensor sg_prod(sg_tensor a, int32_t dtype) { SG_GUARD(nullptr, return wrap(at::prod(*a, dtype_or_none(dtype)));) }
SG_API sg_tensor sg_std(sg_tensor a, const int64_t* dims, int32_t n, int32_t unbiased, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::std(*a, dims_or_all(dims, n), unbiased != 0, keepdim != 0));)
}
SG_API sg_tensor sg_var(sg_tensor a, const int64_t* dims, int32_t n, int32_t unbiased, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::var(*a, dims_or_all(dims, n), unbiased != 0, keepdim != 0));)
}
SG_API sg_tensor sg_norm(sg_tensor a, double p) { SG_GUARD(nullptr, return wrap(at::norm(*a, p));) }
// p-norm over dims (Tensor.norm(p, dim, keepdim)): LibTorch's own kernel handles p = inf and 0, and its
// backward gives 0 rather than NaN where the norm is 0.
SG_API sg_tensor sg_norm_dim(sg_tensor a, double p, const int64_t* dims, int32_t n, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::norm(*a, c10::optional<at::Scalar>(p), ints(dims, n), keepdim != 0));)
}
SG_API sg_tensor sg_max_all(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::max(*a));) }
SG_API sg_tensor sg_min_all(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::min(*a));) }
// Max/min along a dim: writes values and indices.
SG_API int32_t sg_max_dim(sg_tensor a, int64_t dim, int32_t keepdim, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::max(*a, dim, keepdim != 0); out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API int32_t sg_min_dim(sg_tensor a, int64_t dim, int32_t keepdim, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::min(*a, dim, keepdim != 0); out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API sg_tensor sg_argmax(sg_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::argmax(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0));)
}
SG_API sg_tensor sg_argmin(sg_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::argmin(*a, has_dim ? c10::optional<int64_t>(dim) : c10::nullopt, keepdim != 0));)
}
SG_API int32_t sg_topk(sg_tensor a, int64_t k, int64_t dim, int32_t largest, int32_t sorted, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::topk(*a, k, dim, largest != 0, sorted != 0); out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API int32_t sg_sort(sg_tensor a, int64_t dim, int32_t descending, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::sort(*a, dim, descending != 0); out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API sg_tensor sg_cumsum(sg_tensor a, int64_t dim) { SG_GUARD(nullptr, return wrap(at::cumsum(*a, dim));) }
SG_API sg_tensor sg_any(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::any(*a));) }
SG_API sg_tensor sg_all(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::all(*a));) }
SG_API sg_tensor sg_bincount(sg_tensor a, sg_tensor weights, int64_t minlength) {
  SG_GUARD(nullptr, return wrap(at::bincount(*a, sg::opt(weights), minlength));)
}
SG_API sg_tensor sg_matmul(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::matmul(*a, *b));) }
SG_API sg_tensor sg_mm(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::mm(*a, *b));) }
SG_API sg_tensor sg_bmm(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::bmm(*a, *b));) }
SG_API sg_tensor sg_outer(sg_tensor a, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::outer(*a, *b));) }
SG_API sg_tensor sg_einsum(const char* eq, const sg_tensor* ts, int32_t n) { SG_GUARD(nullptr, return wrap(at::einsum(eq, sg::list(ts, n)));) }
SG_API int32_t sg_linalg_qr(sg_tensor a, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::linalg_qr(*a); out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API sg_tensor sg_diagonal(sg_tensor a, int64_t offset) { SG_GUARD(nullptr, return wrap(at::diagonal(*a, offset));) }
