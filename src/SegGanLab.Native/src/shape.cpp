// Views, indexing, joining and resampling.
#include "seggan_native.h"

using sg::ints;
using sg::scalar;
using sg::wrap;

SG_API sg_tensor sg_reshape(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(a->reshape(ints(s, n)));) }
SG_API sg_tensor sg_view(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(a->view(ints(s, n)));) }
SG_API sg_tensor sg_permute(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(a->permute(ints(s, n)));) }
SG_API sg_tensor sg_expand(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(a->expand(ints(s, n)));) }
SG_API sg_tensor sg_repeat(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(a->repeat(ints(s, n)));) }
SG_API sg_tensor sg_flip(sg_tensor a, const int64_t* s, int32_t n) { SG_GUARD(nullptr, return wrap(at::flip(*a, ints(s, n)));) }
SG_API sg_tensor sg_roll(sg_tensor a, const int64_t* shifts, const int64_t* dims, int32_t n) {
  SG_GUARD(nullptr, return wrap(at::roll(*a, ints(shifts, n), ints(dims, n)));)
}
SG_API sg_tensor sg_transpose(sg_tensor a, int64_t d0, int64_t d1) { SG_GUARD(nullptr, return wrap(a->transpose(d0, d1));) }
SG_API sg_tensor sg_squeeze(sg_tensor a) { SG_GUARD(nullptr, return wrap(a->squeeze());) }
SG_API sg_tensor sg_squeeze_dim(sg_tensor a, int64_t d) { SG_GUARD(nullptr, return wrap(a->squeeze(d));) }
SG_API sg_tensor sg_unsqueeze(sg_tensor a, int64_t d) { SG_GUARD(nullptr, return wrap(a->unsqueeze(d));) }
SG_API sg_tensor sg_flatten(sg_tensor a, int64_t start, int64_t end) { SG_GUARD(nullptr, return wrap(a->flatten(start, end));) }
SG_API sg_tensor sg_narrow(sg_tensor a, int64_t dim, int64_t start, int64_t length) { SG_GUARD(nullptr, return wrap(a->narrow(dim, start, length));) }
SG_API sg_tensor sg_slice(sg_tensor a, int64_t dim, int64_t start, int64_t end, int64_t step) {
  SG_GUARD(nullptr, return wrap(at::slice(*a, dim, start, end, step));)
}
SG_API sg_tensor sg_select(sg_tensor a, int64_t dim, int64_t index) { SG_GUARD(nullptr, return wrap(a->select(dim, index));) }
SG_API sg_tensor sg_index_select(sg_tensor a, int64_t dim, sg_tensor idx) { SG_GUARD(nullptr, return wrap(at::index_select(*a, dim, *idx));) }
SG_API sg_tensor sg_gather(sg_tensor a, int64_t dim, sg_tensor idx) { SG_GUARD(nullptr, return wrap(at::gather(*a, dim, *idx));) }
SG_API sg_tensor sg_scatter(sg_tensor a, int64_t dim, sg_tensor idx, sg_tensor src) { SG_GUARD(nullptr, return wrap(at::scatter(*a, dim, *idx, *src));) }
SG_API sg_tensor sg_scatter_s(sg_tensor a, int64_t dim, sg_tensor idx, sg_scalar v) { SG_GUARD(nullptr, return wrap(at::scatter(*a, dim, *idx, scalar(v)));) }
SG_API sg_tensor sg_scatter_add(sg_tensor a, int64_t dim, sg_tensor idx, sg_tensor src) { SG_GUARD(nullptr, return wrap(at::scatter_add(*a, dim, *idx, *src));) }
SG_API int32_t sg_index_put_(sg_tensor a, sg_tensor mask_or_index, sg_tensor values) {
  SG_GUARD(-1, c10::List<c10::optional<at::Tensor>> idx; idx.push_back(*mask_or_index); a->index_put_(idx, *values); return 0;)
}
SG_API sg_tensor sg_index_mask(sg_tensor a, sg_tensor mask) {
  SG_GUARD(nullptr, c10::List<c10::optional<at::Tensor>> idx; idx.push_back(*mask); return wrap(at::index(*a, idx));)
}
SG_API sg_tensor sg_cat(const sg_tensor* ts, int32_t n, int64_t dim) { SG_GUARD(nullptr, return wrap(at::cat(sg::list(ts, n), dim));) }
SG_API sg_tensor sg_stack(const sg_tensor* ts, int32_t n, int64_t dim) { SG_GUARD(nullptr, return wrap(at::stack(sg::list(ts, n), dim));) }
SG_API int32_t sg_split(sg_tensor a, int64_t size, int64_t dim, sg_tensor* out, int32_t cap) {
  SG_GUARD(-1, return sg::emit(at::split(*a, size, dim), out, cap);)
}
SG_API int32_t sg_split_with_sizes(sg_tensor a, const int64_t* sizes, int32_t n, int64_t dim, sg_tensor* out, int32_t cap) {
  SG_GUARD(-1, return sg::emit(at::split_with_sizes(*a, ints(sizes, n), dim), out, cap);)
}
SG_API int32_t sg_chunk(sg_tensor a, int64_t chunks, int64_t dim, sg_tensor* out, int32_t cap) {
  SG_GUARD(-1, return sg::emit(at::chunk(*a, chunks, dim), out, cap);)
}
SG_API int32_t sg_unbind(sg_tensor a, int64_t dim, sg_tensor* out, int32_t cap) { SG_GUARD(-1, return sg::emit(at::unbind(*a, dim), out, cap);) }
// mode: 0 constant, 1 reflect, 2 replicate, 3 circular (PyTorch's F.pad modes).
SG_API sg_tensor sg_pad(sg_tensor a, const int64_t* pad, int32_t n, int32_t mode, double value) {
  static const char* modes[] = {"constant", "reflect", "replicate", "circular"};
  SG_GUARD(nullptr,
           if (mode < 0 || mode > 3) throw std::invalid_argument("unknown pad mode");
           return wrap(at::pad(*a, ints(pad, n), modes[mode], mode == 0 ? c10::optional<double>(value) : c10::nullopt));)
}
SG_API sg_tensor sg_one_hot(sg_tensor a, int64_t num_classes) { SG_GUARD(nullptr, return wrap(at::one_hot(*a, num_classes));) }
SG_API sg_tensor sg_tril(sg_tensor a, int64_t k) { SG_GUARD(nullptr, return wrap(at::tril(*a, k));) }
SG_API sg_tensor sg_triu(sg_tensor a, int64_t k) { SG_GUARD(nullptr, return wrap(at::triu(*a, k));) }
SG_API sg_tensor sg_nonzero(sg_tensor a) { SG_GUARD(nullptr, return wrap(at::nonzero(*a));) }

// interpolate: mode 0 nearest, 1 bilinear, 2 bicubic, 3 area. Either an output size
// (oh, ow > 0) or scale factors (sh, sw > 0) are given, as in F.interpolate.
SG_API sg_tensor sg_interpolate(sg_tensor a, int64_t oh, int64_t ow, double sh, double sw, int32_t mode, int32_t align_corners) {
  SG_GUARD(nullptr,
           if (a->dim() != 4) throw std::invalid_argument("interpolate expects a 4-D (N, C, H, W) input");
           int64_t h = oh > 0 ? oh : static_cast<int64_t>(std::floor(a->size(2) * sh));
           int64_t w = ow > 0 ? ow : static_cast<int64_t>(std::floor(a->size(3) * sw));
           std::vector<int64_t> size{h, w};
           // PyTorch passes the user's scale factors on (recompute_scale_factor=None), which changes the sampling grid.
           c10::optional<double> ssh = oh > 0 ? c10::nullopt : c10::optional<double>(sh);
           c10::optional<double> ssw = ow > 0 ? c10::nullopt : c10::optional<double>(sw);
           switch (mode) {
             case 0: return wrap(at::upsample_nearest2d(*a, size, ssh, ssw));
             case 1: return wrap(at::upsample_bilinear2d(*a, size, align_corners != 0, ssh, ssw));
             case 2: return wrap(at::upsample_bicubic2d(*a, size, align_corners != 0, ssh, ssw));
             case 3: return wrap(at::adaptive_avg_pool2d(*a, size));
             default: throw std::invalid_argument("unknown interpolation mode");
           })
}
