// The one header of the SegGanLab shim: handle types, the scalar struct, the
// export/catch macro and the small conversions every area file needs.
//
// Contract with .NET (src/SegGanLab.Torch/Native):
//  * a tensor handle is a heap-allocated at::Tensor*, owned by exactly one
//    .NET SafeHandle and released with sg_tensor_free;
//  * no C++ exception crosses the boundary: SG_GUARD catches everything,
//    keeps the message in a thread-local string (sg_last_error) and returns a
//    sentinel (nullptr for handles, -1 for status codes, NaN for doubles);
//  * optional tensors are passed as nullptr.
#pragma once

#include <ATen/ATen.h>
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

typedef at::Tensor* sg_tensor;
typedef at::Generator* sg_generator;

// A C# scalar passed by value: kind 0 = floating (d), 1 = integral (i), 2 = bool (i != 0).
extern "C" typedef struct sg_scalar {
  double d;
  int64_t i;
  int32_t kind;
} sg_scalar;

#define SG_API extern "C" __attribute__((visibility("default")))

namespace sg {
void set_error(const char* message);
extern std::atomic<int64_t> live_handles;

inline sg_tensor wrap(at::Tensor&& t) {
  live_handles.fetch_add(1, std::memory_order_relaxed);
  return new at::Tensor(std::move(t));
}
inline sg_tensor wrap(const at::Tensor& t) {
  live_handles.fetch_add(1, std::memory_order_relaxed);
  return new at::Tensor(t);
}
inline at::Scalar scalar(sg_scalar s) {
  switch (s.kind) {
    case 1: return at::Scalar(s.i);
    case 2: return at::Scalar(s.i != 0);
    default: return at::Scalar(s.d);
  }
}
inline at::IntArrayRef ints(const int64_t* p, int32_t n) { return at::IntArrayRef(p, static_cast<size_t>(n)); }
inline c10::optional<at::Tensor> opt(sg_tensor t) {
  return t ? c10::optional<at::Tensor>(*t) : c10::nullopt;
}
inline at::Tensor or_undefined(sg_tensor t) { return t ? *t : at::Tensor(); }
inline std::vector<at::Tensor> list(const sg_tensor* ts, int32_t n) {
  std::vector<at::Tensor> v;
  v.reserve(static_cast<size_t>(n));
  for (int32_t k = 0; k < n; ++k) v.push_back(*ts[k]);
  return v;
}
// Writes a tuple/list result into a caller-provided array; returns the count.
inline int32_t emit(const std::vector<at::Tensor>& ts, sg_tensor* out, int32_t capacity) {
  if (static_cast<int32_t>(ts.size()) > capacity) throw std::length_error("result list larger than the caller's buffer");
  for (size_t k = 0; k < ts.size(); ++k) out[k] = wrap(ts[k]);
  return static_cast<int32_t>(ts.size());
}
// dtype and device only: at:: factories silently ignore TensorOptions::requires_grad, so callers set it
// on the result (see leaf() in tensor.cpp).
inline at::TensorOptions options(int32_t dtype, int32_t device_type, int32_t device_index) {
  return at::TensorOptions()
      .dtype(static_cast<at::ScalarType>(dtype))
      .device(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index)));
}
}  // namespace sg

// The one export guard. Usage: SG_GUARD(sentinel, statements...; return value;)
#define SG_GUARD(sentinel, ...)                                             \
  try {                                                                     \
    __VA_ARGS__                                                             \
  } catch (const c10::Error& e) {                                           \
    sg::set_error(e.what_without_backtrace());                              \
  } catch (const std::exception& e) {                                       \
    sg::set_error(e.what());                                                \
  } catch (...) {                                                           \
    sg::set_error("unknown native error (a non-standard C++ exception)");   \
  }                                                                         \
  return sentinel;

#define SG_NAN (std::numeric_limits<double>::quiet_NaN())
