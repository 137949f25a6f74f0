// Neural-network functional ops: convolution, normalisation, pooling, activations, dropout.
#include "seggan_native.h"

using sg::ints;
using sg::opt;
using sg::wrap;

SG_API sg_tensor sg_conv2d(sg_tensor x, sg_tensor w, sg_tensor b, const int64_t* stride, const int64_t* padding,
                           const int64_t* dilation, int64_t groups) {
  SG_GUARD(nullptr, return wrap(at::conv2d(*x, *w, opt(b), ints(stride, 2), ints(padding, 2), ints(dilation, 2), groups));)
}
SG_API sg_tensor sg_conv_transpose2d(sg_tensor x, sg_tensor w, sg_tensor b, const int64_t* stride, const int64_t* padding,
                                     const int64_t* output_padding, int64_t groups, const int64_t* dilation) {
  SG_GUARD(nullptr, return wrap(at::conv_transpose2d(*x, *w, opt(b), ints(stride, 2), ints(padding, 2), ints(output_padding, 2), groups,
                                                      ints(dilation, 2)));)
}
SG_API sg_tensor sg_linear(sg_tensor x, sg_tensor w, sg_tensor b) { SG_GUARD(nullptr, return wrap(at::linear(*x, *w, opt(b)));) }

SG_API sg_tensor sg_batch_norm(sg_tensor x, sg_tensor w, sg_tensor b, sg_tensor rm, sg_tensor rv, int32_t training, double momentum,
                               double eps) {
  SG_GUARD(nullptr, return wrap(at::batch_norm(*x, opt(w), opt(b), opt(rm), opt(rv), training != 0, momentum, eps,
                                                at::globalContext().userEnabledCuDNN()));)
}
SG_API sg_tensor sg_instance_norm(sg_tensor x, sg_tensor w, sg_tensor b, sg_tensor rm, sg_tensor rv, int32_t use_input_stats,
                                  double momentum, double eps) {
  SG_GUARD(nullptr, return wrap(at::instance_norm(*x, opt(w), opt(b), opt(rm), opt(rv), use_input_stats != 0, momentum, eps,
                                                   at::globalContext().userEnabledCuDNN()));)
}
SG_API sg_tensor sg_group_norm(sg_tensor x, int64_t groups, sg_tensor w, sg_tensor b, double eps) {
  SG_GUARD(nullptr, return wrap(at::group_norm(*x, groups, opt(w), opt(b), eps, at::globalContext().userEnabledCuDNN()));)
}
SG_API sg_tensor sg_layer_norm(sg_tensor x, const int64_t* shape, int32_t n, sg_tensor w, sg_tensor b, double eps) {
  SG_GUARD(nullptr, return wrap(at::layer_norm(*x, ints(shape, n), opt(w), opt(b), eps, at::globalContext().userEnabledCuDNN()));)
}

SG_API sg_tensor sg_max_pool2d(sg_tensor x, const int64_t* k, const int64_t* s, const int64_t* p, const int64_t* d, int32_t ceil_mode) {
  SG_GUARD(nullptr, return wrap(at::max_pool2d(*x, ints(k, 2), ints(s, 2), ints(p, 2), ints(d, 2), ceil_mode != 0));)
}
SG_API int32_t sg_max_pool2d_with_indices(sg_tensor x, const int64_t* k, const int64_t* s, const int64_t* p, const int64_t* d,
                                          int32_t ceil_mode, sg_tensor* out) {
  SG_GUARD(-1, auto r = at::max_pool2d_with_indices(*x, ints(k, 2), ints(s, 2), ints(p, 2), ints(d, 2), ceil_mode != 0);
           out[0] = wrap(std::get<0>(r)); out[1] = wrap(std::get<1>(r)); return 2;)
}
SG_API sg_tensor sg_max_unpool2d(sg_tensor x, sg_tensor indices, const int64_t* output_size) {
  SG_GUARD(nullptr, return wrap(at::max_unpool2d(*x, *indices, ints(output_size, 2)));)
}
SG_API sg_tensor sg_avg_pool2d(sg_tensor x, const int64_t* k, const int64_t* s, const int64_t* p, int32_t ceil_mode,
                               int32_t count_include_pad) {
  SG_GUARD(nullptr, return wrap(at::avg_pool2d(*x, ints(k, 2), ints(s, 2), ints(p, 2), ceil_mode != 0, count_include_pad != 0));)
}
SG_API sg_tensor sg_adaptive_avg_pool2d(sg_tensor x, const int64_t* size) { SG_GUARD(nullptr, return wrap(at::adaptive_avg_pool2d(*x, ints(size, 2)));) }
SG_API sg_tensor sg_adaptive_max_pool2d(sg_tensor x, const int64_t* size) {
  SG_GUARD(nullptr, return wrap(std::get<0>(at::adaptive_max_pool2d(*x, ints(size, 2))));)
}

SG_API sg_tensor sg_dropout(sg_tensor x, double p, int32_t train) { SG_GUARD(nullptr, return wrap(at::dropout(*x, p, train != 0));) }
SG_API sg_tensor sg_dropout2d(sg_tensor x, double p, int32_t train) { SG_GUARD(nullptr, return wrap(at::feature_dropout(*x, p, train != 0));) }
SG_API sg_tensor sg_leaky_relu(sg_tensor x, double slope) { SG_GUARD(nullptr, return wrap(at::leaky_relu(*x, slope));) }
SG_API int32_t sg_leaky_relu_(sg_tensor x, double slope) { SG_GUARD(-1, at::leaky_relu_(*x, slope); return 0;) }
SG_API sg_tensor sg_elu(sg_tensor x, double alpha) { SG_GUARD(nullptr, return wrap(at::elu(*x, alpha));) }
SG_API sg_tensor sg_gelu(sg_tensor x, int32_t tanh_approx) { SG_GUARD(nullptr, return wrap(at::gelu(*x, tanh_approx ? "tanh" : "none"));) }
SG_API sg_tensor sg_silu(sg_tensor x) { SG_GUARD(nullptr, return wrap(at::silu(*x));) }
SG_API sg_tensor sg_hardtanh(sg_tensor x, double lo, double hi) { SG_GUARD(nullptr, return wrap(at::hardtanh(*x, lo, hi));) }
SG_API sg_tensor sg_softplus(sg_tensor x, double beta, double threshold) { SG_GUARD(nullptr, return wrap(at::softplus(*x, beta, threshold));) }
SG_API sg_tensor sg_logsigmoid(sg_tensor x) { SG_GUARD(nullptr, return wrap(at::log_sigmoid(*x));) }
SG_API sg_tensor sg_softmax(sg_tensor x, int64_t dim) { SG_GUARD(nullptr, return wrap(at::softmax(*x, dim));) }
SG_API sg_tensor sg_log_softmax(sg_tensor x, int64_t dim) { SG_GUARD(nullptr, return wrap(at::log_softmax(*x, dim));) }
SG_API sg_tensor sg_logsumexp(sg_tensor x, const int64_t* dims, int32_t n, int32_t keepdim) {
  SG_GUARD(nullptr, return wrap(at::logsumexp(*x, ints(dims, n), keepdim != 0));)
}
