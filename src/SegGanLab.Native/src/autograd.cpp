// Autograd: gradients, backward, autograd.grad and grad mode.
#include "seggan_native.h"

#include <torch/csrc/autograd/autograd.h>

using sg::wrap;

SG_API sg_tensor sg_tensor_grad(sg_tensor t) {
  SG_GUARD(nullptr, const at::Tensor& g = t->grad(); return g.defined() ? wrap(g) : nullptr;)
}
// Returns 1 when the tensor has a gradient, 0 when not (and -1 on error): lets .NET tell "none" from "failed".
SG_API int32_t sg_tensor_has_grad(sg_tensor t) { SG_GUARD(-1, return t->grad().defined() ? 1 : 0;) }
SG_API int32_t sg_tensor_set_grad(sg_tensor t, sg_tensor g) { SG_GUARD(-1, t->mutable_grad() = sg::or_undefined(g); return 0;) }
// set_to_none: drop the gradient (PyTorch 2.x's default); otherwise zero it in place.
SG_API int32_t sg_tensor_zero_grad(sg_tensor t, int32_t set_to_none) {
  SG_GUARD(-1, at::Tensor& g = t->mutable_grad(); if (!g.defined()) return 0;
           if (set_to_none) { g = at::Tensor(); } else { if (g.grad_fn()) g = g.detach(); else g.requires_grad_(false); g.zero_(); }
           return 0;)
}
SG_API int32_t sg_tensor_backward(sg_tensor t, sg_tensor grad, int32_t retain_graph, int32_t create_graph) {
  SG_GUARD(-1, t->backward(sg::or_undefined(grad), retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0), create_graph != 0);
           return 0;)
}
SG_API int32_t sg_tensor_retain_grad(sg_tensor t) { SG_GUARD(-1, t->retain_grad(); return 0;) }
SG_API int32_t sg_tensor_has_grad_fn(sg_tensor t) { SG_GUARD(-1, return t->grad_fn() ? 1 : 0;) }

// torch.autograd.grad: fills out[k] with d(sum outputs)/d(inputs[k]); an unused input yields nullptr when allow_unused.
SG_API int32_t sg_autograd_grad(const sg_tensor* outputs, int32_t n_out, const sg_tensor* inputs, int32_t n_in, const sg_tensor* grad_outputs,
                                int32_t n_grad, int32_t retain_graph, int32_t create_graph, int32_t allow_unused, sg_tensor* out) {
  SG_GUARD(-1,
           std::vector<at::Tensor> gouts;
           for (int32_t k = 0; k < n_grad; ++k) gouts.push_back(sg::or_undefined(grad_outputs[k]));
           auto r = torch::autograd::grad(sg::list(outputs, n_out), sg::list(inputs, n_in), gouts,
                                          retain_graph < 0 ? c10::nullopt : c10::optional<bool>(retain_graph != 0), create_graph != 0,
                                          allow_unused != 0);
           for (size_t k = 0; k < r.size(); ++k) out[k] = r[k].defined() ? wrap(r[k]) : nullptr;
           return static_cast<int32_t>(r.size());)
}

SG_API int32_t sg_grad_enabled() { SG_GUARD(-1, return c10::GradMode::is_enabled() ? 1 : 0;) }
SG_API int32_t sg_set_grad_enabled(int32_t on) { SG_GUARD(-1, c10::GradMode::set_enabled(on != 0); return 0;) }
