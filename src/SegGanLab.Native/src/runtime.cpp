// Errors, handle lifetime, devices, threads, seeds, generators, determinism.
#include "seggan_native.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <torch/cuda.h>
#include <torch/version.h>

namespace sg {
static thread_local std::string last_error;
std::atomic<int64_t> live_handles{0};
void set_error(const char* message) { last_error = message ? message : ""; }
}  // namespace sg

SG_API const char* sg_last_error() { return sg::last_error.c_str(); }
SG_API void sg_clear_error() { sg::last_error.clear(); }
SG_API int64_t sg_live_handles() { return sg::live_handles.load(std::memory_order_relaxed); }

SG_API void sg_tensor_free(sg_tensor t) {
  if (!t) return;
  sg::live_handles.fetch_sub(1, std::memory_order_relaxed);
  delete t;  // at::Tensor's destructor does not throw
}

SG_API const char* sg_torch_version() { return TORCH_VERSION; }
SG_API const char* sg_torch_config() {
  static thread_local std::string s;
  SG_GUARD(nullptr, s = at::show_config(); return s.c_str();)
}

// torch/cuda.h is the query API that stays stable from LibTorch 1.13 to 2.x.
SG_API int32_t sg_cuda_is_available() { SG_GUARD(-1, return torch::cuda::is_available() ? 1 : 0;) }
SG_API int32_t sg_cuda_device_count() {
  SG_GUARD(-1, return static_cast<int32_t>(torch::cuda::device_count());)
}
SG_API int32_t sg_cudnn_is_available() { SG_GUARD(-1, return torch::cuda::cudnn_is_available() ? 1 : 0;) }
SG_API int32_t sg_mkldnn_is_available() { SG_GUARD(-1, return at::hasMKLDNN() ? 1 : 0;) }

SG_API int32_t sg_get_num_threads() { SG_GUARD(-1, return at::get_num_threads();) }
SG_API int32_t sg_set_num_threads(int32_t n) { SG_GUARD(-1, at::set_num_threads(n); return 0;) }
SG_API int32_t sg_get_num_interop_threads() { SG_GUARD(-1, return at::get_num_interop_threads();) }

SG_API int32_t sg_manual_seed(uint64_t seed) { SG_GUARD(-1, at::manual_seed(seed); return 0;) }
SG_API int32_t sg_set_deterministic(int32_t on, int32_t warn_only) {
  SG_GUARD(-1,
           at::globalContext().setDeterministicAlgorithms(on != 0, warn_only != 0);
           at::globalContext().setDeterministicCuDNN(on != 0);
           at::globalContext().setBenchmarkCuDNN(on == 0 && at::globalContext().benchmarkCuDNN());
           return 0;)
}
SG_API int32_t sg_get_deterministic() { SG_GUARD(-1, return at::globalContext().deterministicAlgorithms() ? 1 : 0;) }
SG_API int32_t sg_set_cudnn_benchmark(int32_t on) { SG_GUARD(-1, at::globalContext().setBenchmarkCuDNN(on != 0); return 0;) }

// Generators: a CPU generator object owned by .NET; ops that take one use it instead of the default.
SG_API sg_generator sg_generator_new(uint64_t seed, int32_t device_type, int32_t device_index) {
  SG_GUARD(nullptr,
           if (device_type == static_cast<int32_t>(at::kCPU)) return new at::Generator(at::make_generator<at::CPUGeneratorImpl>(seed));
           auto g = at::globalContext().defaultGenerator(at::Device(static_cast<at::DeviceType>(device_type), static_cast<c10::DeviceIndex>(device_index))).clone();
           g.set_current_seed(seed);
           return new at::Generator(std::move(g));)
}
SG_API void sg_generator_free(sg_generator g) { delete g; }
SG_API int32_t sg_generator_manual_seed(sg_generator g, uint64_t seed) { SG_GUARD(-1, g->set_current_seed(seed); return 0;) }
SG_API uint64_t sg_generator_initial_seed(sg_generator g) { SG_GUARD(0, return g->current_seed();) }
SG_API sg_tensor sg_generator_get_state(sg_generator g) { SG_GUARD(nullptr, return sg::wrap(g->get_state());) }
SG_API int32_t sg_generator_set_state(sg_generator g, sg_tensor state) { SG_GUARD(-1, g->set_state(*state); return 0;) }
SG_API sg_tensor sg_default_generator_get_state() {
  SG_GUARD(nullptr, return sg::wrap(at::detail::getDefaultCPUGenerator().get_state());)
}
SG_API int32_t sg_default_generator_set_state(sg_tensor state) {
  SG_GUARD(-1, auto g = at::detail::getDefaultCPUGenerator(); std::lock_guard<std::mutex> lock(g.mutex()); g.set_state(*state); return 0;)
}
