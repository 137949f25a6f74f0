// Tensor metadata, creation, data transfer and conversion.
#include "seggan_native.h"

#include <cstring>

using sg::ints;
using sg::wrap;

// ---- metadata --------------------------------------------------------------
SG_API int32_t sg_tensor_dim(sg_tensor t) { SG_GUARD(-1, return static_cast<int32_t>(t->dim());) }
SG_API int32_t sg_tensor_sizes(sg_tensor t, int64_t* out, int32_t cap) {
  SG_GUARD(-1, auto s = t->sizes(); int32_t n = static_cast<int32_t>(s.size());
           for (int32_t k = 0; k < n && k < cap; ++k) out[k] = s[k]; return n;)
}
SG_API int32_t sg_tensor_strides(sg_tensor t, int64_t* out, int32_t cap) {
  SG_GUARD(-1, auto s = t->strides(); int32_t n = static_cast<int32_t>(s.size());
           for (int32_t k = 0; k < n && k < cap; ++k) out[k] = s[k]; return n;)
}
SG_API int64_t sg_tensor_numel(sg_tensor t) { SG_GUARD(-1, return t->numel();) }
SG_API int32_t sg_tensor_dtype(sg_tensor t) { SG_GUARD(-1, return static_cast<int32_t>(t->scalar_type());) }
SG_API int32_t sg_tensor_device_type(sg_tensor t) { SG_GUARD(-1, return static_cast<int32_t>(t->device().type());) }
SG_API int32_t sg_tensor_device_index(sg_tensor t) { SG_GUARD(-2, return static_cast<int32_t>(t->device().index());) }
SG_API int32_t sg_tensor_is_contiguous(sg_tensor t) { SG_GUARD(-1, return t->is_contiguous() ? 1 : 0;) }
SG_API int32_t sg_tensor_defined(sg_tensor t) { SG_GUARD(-1, return t->defined() ? 1 : 0;) }
SG_API int32_t sg_tensor_requires_grad(sg_tensor t) { SG_GUARD(-1, return t->requires_grad() ? 1 : 0;) }
SG_API int32_t sg_tensor_set_requires_grad(sg_tensor t, int32_t on) { SG_GUARD(-1, t->requires_grad_(on != 0); return 0;) }
SG_API int32_t sg_tensor_is_leaf(sg_tensor t) { SG_GUARD(-1, return t->is_leaf() ? 1 : 0;) }
SG_API int64_t sg_tensor_element_size(sg_tensor t) { SG_GUARD(-1, return static_cast<int64_t>(t->element_size());) }

// ---- creation ----------------------------------------------------------------
// at:: factories ignore TensorOptions::requires_grad (only the torch:: variable factories honour it),
// so the options carry dtype and device only and leaf() sets requires_grad on the result.
#define SG_OPTS sg::options(dtype, device_type, device_index)
#define SG_OPT_PARAMS int32_t dtype, int32_t device_type, int32_t device_index, int32_t requires_grad

static sg_tensor leaf(at::Tensor t, int32_t requires_grad) {
  if (requires_grad) t.requires_grad_(true);
  return wrap(std::move(t));
}

SG_API sg_tensor sg_zeros(const int64_t* shape, int32_t n, SG_OPT_PARAMS) { SG_GUARD(nullptr, return leaf(at::zeros(ints(shape, n), SG_OPTS), requires_grad);) }
SG_API sg_tensor sg_ones(const int64_t* shape, int32_t n, SG_OPT_PARAMS) { SG_GUARD(nullptr, return leaf(at::ones(ints(shape, n), SG_OPTS), requires_grad);) }
SG_API sg_tensor sg_empty(const int64_t* shape, int32_t n, SG_OPT_PARAMS) { SG_GUARD(nullptr, return leaf(at::empty(ints(shape, n), SG_OPTS), requires_grad);) }
SG_API sg_tensor sg_full(const int64_t* shape, int32_t n, sg_scalar v, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::full(ints(shape, n), sg::scalar(v), SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_arange(sg_scalar start, sg_scalar end, sg_scalar step, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::arange(sg::scalar(start), sg::scalar(end), sg::scalar(step), SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_linspace(double start, double end, int64_t steps, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::linspace(start, end, steps, SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_eye(int64_t n, int64_t m, SG_OPT_PARAMS) { SG_GUARD(nullptr, return leaf(at::eye(n, m, SG_OPTS), requires_grad);) }
SG_API sg_tensor sg_rand(const int64_t* shape, int32_t n, sg_generator g, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::rand(ints(shape, n), g ? c10::optional<at::Generator>(*g) : c10::nullopt, SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_randn(const int64_t* shape, int32_t n, sg_generator g, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::randn(ints(shape, n), g ? c10::optional<at::Generator>(*g) : c10::nullopt, SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_randint(int64_t low, int64_t high, const int64_t* shape, int32_t n, sg_generator g, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::randint(low, high, ints(shape, n), g ? c10::optional<at::Generator>(*g) : c10::nullopt, SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_randperm(int64_t n, sg_generator g, SG_OPT_PARAMS) {
  SG_GUARD(nullptr, return leaf(at::randperm(n, g ? c10::optional<at::Generator>(*g) : c10::nullopt, SG_OPTS), requires_grad);)
}
SG_API sg_tensor sg_zeros_like(sg_tensor t) { SG_GUARD(nullptr, return wrap(at::zeros_like(*t));) }
SG_API sg_tensor sg_ones_like(sg_tensor t) { SG_GUARD(nullptr, return wrap(at::ones_like(*t));) }
SG_API sg_tensor sg_empty_like(sg_tensor t) { SG_GUARD(nullptr, return wrap(at::empty_like(*t));) }
SG_API sg_tensor sg_full_like(sg_tensor t, sg_scalar v) { SG_GUARD(nullptr, return wrap(at::full_like(*t, sg::scalar(v)));) }
SG_API sg_tensor sg_rand_like(sg_tensor t) { SG_GUARD(nullptr, return wrap(at::rand_like(*t));) }
SG_API sg_tensor sg_randn_like(sg_tensor t) { SG_GUARD(nullptr, return wrap(at::randn_like(*t));) }

// Copies `data` (CPU memory laid out contiguously for `dtype`) into a new tensor.
SG_API sg_tensor sg_from_data(const void* data, const int64_t* shape, int32_t n, SG_OPT_PARAMS) {
  SG_GUARD(nullptr,
           auto cpu = at::empty(ints(shape, n), at::TensorOptions().dtype(static_cast<at::ScalarType>(dtype)));
           std::memcpy(cpu.data_ptr(), data, cpu.nbytes());
           auto opts = SG_OPTS;
           at::Tensor r = opts.device().is_cpu() ? cpu : cpu.to(opts.device());
           if (requires_grad) r.requires_grad_(true);
           return wrap(std::move(r));)
}
// Copies the tensor's values (any device, any layout) into `dst`, which holds `nbytes`.
SG_API int32_t sg_tensor_copy_to(sg_tensor t, void* dst, int64_t nbytes) {
  SG_GUARD(-1,
           at::Tensor c = t->detach().to(at::kCPU).contiguous();
           if (static_cast<int64_t>(c.nbytes()) != nbytes) throw std::length_error("destination buffer size does not match the tensor's byte size");
           std::memcpy(dst, c.data_ptr(), c.nbytes());
           return 0;)
}
SG_API double sg_tensor_item_double(sg_tensor t) { SG_GUARD(SG_NAN, return t->item<double>();) }
SG_API int32_t sg_tensor_item_long(sg_tensor t, int64_t* out) { SG_GUARD(-1, *out = t->item<int64_t>(); return 0;) }

// ---- conversion ------------------------------------------------------------------
SG_API sg_tensor sg_tensor_to(sg_tensor t, int32_t dtype, int32_t device_type, int32_t device_index, int32_t non_blocking, int32_t copy) {
  SG_GUARD(nullptr,
           return wrap(t->to(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)),
                             static_cast<at::ScalarType>(dtype), non_blocking != 0, copy != 0));)
}
SG_API sg_tensor sg_tensor_clone(sg_tensor t) { SG_GUARD(nullptr, return wrap(t->clone());) }
SG_API sg_tensor sg_tensor_detach(sg_tensor t) { SG_GUARD(nullptr, return wrap(t->detach());) }
SG_API sg_tensor sg_tensor_detach_(sg_tensor t) { SG_GUARD(nullptr, t->detach_(); return wrap(*t);) }
SG_API sg_tensor sg_tensor_alias(sg_tensor t) { SG_GUARD(nullptr, return wrap(*t);) }
SG_API sg_tensor sg_tensor_contiguous(sg_tensor t) { SG_GUARD(nullptr, return wrap(t->contiguous());) }
SG_API int32_t sg_tensor_copy_(sg_tensor dst, sg_tensor src, int32_t non_blocking) { SG_GUARD(-1, dst->copy_(*src, non_blocking != 0); return 0;) }
SG_API int32_t sg_tensor_set_data(sg_tensor dst, sg_tensor src) { SG_GUARD(-1, dst->set_data(*src); return 0;) }
