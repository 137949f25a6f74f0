// Loss functions. reduction: 0 none, 1 mean, 2 sum (at::Reduction's values).
#include "seggan_native.h"

using sg::opt;
using sg::wrap;

SG_API sg_tensor sg_cross_entropy(sg_tensor x, sg_tensor target, sg_tensor weight, int32_t reduction, int64_t ignore_index,
                                  double label_smoothing) {
  SG_GUARD(nullptr, return wrap(at::cross_entropy_loss(*x, *target, opt(weight), reduction, ignore_index, label_smoothing));)
}
SG_API sg_tensor sg_nll_loss(sg_tensor x, sg_tensor target, sg_tensor weight, int32_t reduction, int64_t ignore_index) {
  SG_GUARD(nullptr, return wrap(x->dim() == 4 || x->dim() > 2 ? at::nll_loss_nd(*x, *target, opt(weight), reduction, ignore_index)
                                                                : at::nll_loss(*x, *target, opt(weight), reduction, ignore_index));)
}
SG_API sg_tensor sg_binary_cross_entropy(sg_tensor x, sg_tensor target, sg_tensor weight, int32_t reduction) {
  SG_GUARD(nullptr, return wrap(at::binary_cross_entropy(*x, *target, opt(weight), reduction));)
}
SG_API sg_tensor sg_binary_cross_entropy_with_logits(sg_tensor x, sg_tensor target, sg_tensor weight, sg_tensor pos_weight,
                                                     int32_t reduction) {
  SG_GUARD(nullptr, return wrap(at::binary_cross_entropy_with_logits(*x, *target, opt(weight), opt(pos_weight), reduction));)
}
SG_API sg_tensor sg_mse_loss(sg_tensor x, sg_tensor target, int32_t reduction) { SG_GUARD(nullptr, return wrap(at::mse_loss(*x, *target, reduction));) }
SG_API sg_tensor sg_l1_loss(sg_tensor x, sg_tensor target, int32_t reduction) { SG_GUARD(nullptr, return wrap(at::l1_loss(*x, *target, reduction));) }
SG_API sg_tensor sg_smooth_l1_loss(sg_tensor x, sg_tensor target, int32_t reduction, double beta) {
  SG_GUARD(nullptr, return wrap(at::smooth_l1_loss(*x, *target, reduction, beta));)
}
SG_API sg_tensor sg_kl_div(sg_tensor x, sg_tensor target, int32_t reduction, int32_t log_target) {
  SG_GUARD(nullptr, return wrap(at::kl_div(*x, *target, reduction, log_target != 0));)
}
