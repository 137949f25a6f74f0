#!/usr/bin/env python3
"""Golden numbers for the SegGanLab.Losses tests.

Run from the repository root with Debian's PyTorch (torch 1.13, the same LibTorch):

    /usr/bin/python3 tests/golden/make_losses_golden.py

Writes tests/SegGanLab.Losses.Tests/Golden/losses.json in make_golden.py's layout
(inputs, params, outputs per case; gradients named grad_<input>). The reference
losses below are written from the published formulas in the style of
segmentation_models.pytorch (binary / multiclass modes, ignore_index, smooth,
from_logits), pix2pix (GAN modes, WGAN-GP) and DeblurGAN (VGG-19 conv3_3
perceptual loss), independently of the C# code they check.
"""
import json
import math
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F
import torchvision

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_golden import T, case  # noqa: E402  (the shared JSON layout)

F64 = torch.float64
IGNORE = 255
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "SegGanLab.Losses.Tests", "Golden", "losses.json")


# ----------------------------------------------------------------------------
# Reference segmentation losses (smp semantics)
# ----------------------------------------------------------------------------

def soft_dice_score(output, target, smooth, eps, dims, **_):
    intersection = torch.sum(output * target, dim=dims)
    cardinality = torch.sum(output + target, dim=dims)
    return (2.0 * intersection + smooth) / (cardinality + smooth).clamp_min(eps)


def soft_jaccard_score(output, target, smooth, eps, dims, **_):
    intersection = torch.sum(output * target, dim=dims)
    union = torch.sum(output + target, dim=dims) - intersection
    return (intersection + smooth) / (union + smooth).clamp_min(eps)


def soft_tversky_score(output, target, smooth, eps, dims, alpha, beta):
    intersection = torch.sum(output * target, dim=dims)
    fp = torch.sum(output * (1.0 - target), dim=dims)
    fn = torch.sum((1 - output) * target, dim=dims)
    return (intersection + smooth) / (intersection + alpha * fp + beta * fn + smooth).clamp_min(eps)


def overlap_loss(score_fn, y_pred, y_true, mode, smooth=0.0, eps=1e-7, log_loss=False, ignore=None,
                 from_logits=True, class_weights=None, gamma=None, **score_args):
    if from_logits:
        y_pred = y_pred.log_softmax(dim=1).exp() if mode == "multiclass" else F.logsigmoid(y_pred).exp()
    bs = y_true.size(0)
    num_classes = y_pred.size(1)
    dims = (0, 2)
    if mode == "binary":
        y_true = y_true.reshape(bs, 1, -1).to(y_pred.dtype)
        y_pred = y_pred.reshape(bs, 1, -1)
        if ignore is not None:
            mask = y_true != ignore
            y_pred = y_pred * mask
            y_true = y_true * mask
    else:
        y_true = y_true.reshape(bs, -1)
        y_pred = y_pred.reshape(bs, num_classes, -1)
        if ignore is not None:
            mask = y_true != ignore
            y_pred = y_pred * mask.unsqueeze(1)
            y_true = F.one_hot((y_true * mask).to(torch.long), num_classes)
            y_true = y_true.permute(0, 2, 1) * mask.unsqueeze(1)
        else:
            y_true = F.one_hot(y_true, num_classes).permute(0, 2, 1)
    y_true = y_true.type_as(y_pred)
    scores = score_fn(y_pred, y_true, smooth=smooth, eps=eps, dims=dims, **score_args)
    loss = -torch.log(scores.clamp_min(eps)) if log_loss else 1.0 - scores
    loss = loss * (y_true.sum(dims) > 0).to(loss.dtype)  # classes without target pixels count 0
    if class_weights is None:
        loss = loss.mean()
    else:
        w = torch.tensor(class_weights, dtype=loss.dtype)
        loss = (loss * w).sum() / w.sum()
    return loss if gamma is None else loss ** gamma


def focal_with_logits(output, target, gamma, alpha):
    target = target.type(output.type())
    logpt = F.binary_cross_entropy_with_logits(output, target, reduction="none")
    pt = torch.exp(-logpt)
    loss = (1.0 - pt).pow(gamma) * logpt
    if alpha is not None:
        loss = loss * (alpha * target + (1 - alpha) * (1 - target))
    return loss.mean()


def focal_loss(y_pred, y_true, mode, gamma=2.0, alpha=None, ignore=None):
    if mode == "binary":
        y_true = y_true.reshape(-1)
        y_pred = y_pred.reshape(-1)
        if ignore is not None:
            keep = y_true != ignore
            y_pred, y_true = y_pred[keep], y_true[keep]
        return focal_with_logits(y_pred, y_true, gamma, alpha)
    loss = 0
    keep = y_true != ignore if ignore is not None else None
    for cls in range(y_pred.size(1)):
        cls_true = (y_true == cls).long()
        cls_pred = y_pred[:, cls, ...]
        if keep is not None:
            cls_true, cls_pred = cls_true[keep], cls_pred[keep]
        loss = loss + focal_with_logits(cls_pred, cls_true, gamma, alpha)
    return loss


def lovasz_grad(gt_sorted):
    p = len(gt_sorted)
    gts = gt_sorted.sum()
    intersection = gts - gt_sorted.cumsum(0)
    union = gts + (1 - gt_sorted).cumsum(0)
    jaccard = 1.0 - intersection / union
    if p > 1:
        jaccard[1:p] = jaccard[1:p] - jaccard[0:-1].clone()
    return jaccard


def lovasz_softmax_flat(probas, labels):
    if probas.numel() == 0:
        return probas.sum() * 0.0
    losses = []
    for c in range(probas.size(1)):
        fg = (labels == c).type_as(probas)
        if fg.sum() == 0:
            continue
        errors = (fg - probas[:, c]).abs()
        errors_sorted, perm = torch.sort(errors, 0, descending=True)
        losses.append(torch.dot(errors_sorted, lovasz_grad(fg[perm])))
    return sum(losses) / len(losses) if losses else probas.sum() * 0.0


def flatten_probas(probas, labels, ignore):
    c = probas.size(1)
    probas = torch.movedim(probas, 1, -1).contiguous().view(-1, c)
    labels = labels.reshape(-1)
    if ignore is None:
        return probas, labels
    valid = labels != ignore
    return probas[valid], labels[valid]


def lovasz_loss(logits, labels, per_image=False, ignore=None):
    probas = logits.softmax(dim=1)
    if per_image:
        losses = [lovasz_softmax_flat(*flatten_probas(p.unsqueeze(0), l.unsqueeze(0), ignore))
                  for p, l in zip(probas, labels)]
        return sum(losses) / len(losses)
    return lovasz_softmax_flat(*flatten_probas(probas, labels, ignore))


def soft_bce_loss(y_pred, y_true, smooth_factor=None, pos_weight=None, ignore=None):
    y_true = y_true.reshape(y_pred.shape).to(y_pred.dtype)
    soft = y_true if smooth_factor is None else (1 - y_true) * smooth_factor + y_true * (1 - smooth_factor)
    pw = None if pos_weight is None else torch.tensor([pos_weight], dtype=y_pred.dtype)
    loss = F.binary_cross_entropy_with_logits(y_pred, soft, pos_weight=pw, reduction="none")
    if ignore is not None:
        loss = loss * (y_true != ignore).type_as(loss)
    return loss.mean()  # smp: ignored pixels stay in the denominator


# ----------------------------------------------------------------------------
# Fixtures
# ----------------------------------------------------------------------------

def multiclass_fixture(ignore_fraction=0.15):
    """Logits [2, 4, 5, 6]; labels use classes 0-2 only (class 3 absent) plus ignored pixels."""
    logits = (torch.randn(2, 4, 5, 6, dtype=F64) * 2).requires_grad_()
    labels = torch.randint(0, 3, (2, 5, 6))
    labels[torch.rand(2, 5, 6) < ignore_fraction] = IGNORE
    return logits, labels


def binary_fixture(channel_dim=False):
    logits = (torch.randn(2, 1, 5, 6, dtype=F64) * 2).requires_grad_()
    labels = torch.randint(0, 2, (2, 5, 6))
    labels[torch.rand(2, 5, 6) < 0.15] = IGNORE
    return logits, (labels.unsqueeze(1).to(F64) if channel_dim else labels)


def seg_case(loss_fn, fixture, params):
    logits, labels = fixture
    ignore = params.get("ignore_index")
    if ignore is None:
        labels = labels.masked_fill(labels == IGNORE, 0)
    loss = loss_fn(logits, labels)
    loss.backward()
    return case({"logits": logits, "labels": labels}, params, {"loss": loss, "grad_logits": logits.grad})


def overlap_case(score_fn, mode, fixture, **params):
    def fn(logits, labels):
        return overlap_loss(score_fn, logits, labels, mode, smooth=params.get("smooth", 0.0),
                            log_loss=params.get("log_loss", False), ignore=params.get("ignore_index"),
                            from_logits=params.get("from_logits", True), class_weights=params.get("class_weights"),
                            gamma=params.get("gamma"), **{k: params[k] for k in ("alpha", "beta") if k in params})
    return seg_case(fn, fixture, dict(params, mode=mode))


def segmentation_cases():
    cases = {}
    cases["ce_plain"] = seg_case(lambda x, y: F.cross_entropy(x, y), multiclass_fixture(), {})
    w = [0.5, 1.0, 2.0, 1.5]
    cases["ce_weighted_ignore_smoothing"] = seg_case(
        lambda x, y: F.cross_entropy(x, y, weight=torch.tensor(w, dtype=F64), ignore_index=IGNORE, label_smoothing=0.1),
        multiclass_fixture(), {"weights": w, "ignore_index": IGNORE, "label_smoothing": 0.1})
    cases["dice_multiclass"] = overlap_case(soft_dice_score, "multiclass", multiclass_fixture())
    cases["dice_multiclass_ignore_smooth_weights"] = overlap_case(
        soft_dice_score, "multiclass", multiclass_fixture(), ignore_index=IGNORE, smooth=1.0, class_weights=[1.0, 2.0, 0.5, 1.0])
    cases["dice_multiclass_log_loss"] = overlap_case(soft_dice_score, "multiclass", multiclass_fixture(), ignore_index=IGNORE, log_loss=True)
    logits, labels = multiclass_fixture()
    probs = logits.detach().softmax(1).requires_grad_()
    cases["dice_multiclass_probabilities"] = overlap_case(soft_dice_score, "multiclass", (probs, labels), ignore_index=IGNORE, from_logits=False)
    cases["dice_binary_ignore"] = overlap_case(soft_dice_score, "binary", binary_fixture(), ignore_index=IGNORE)
    cases["dice_binary_channel_labels"] = overlap_case(soft_dice_score, "binary", binary_fixture(channel_dim=True), smooth=1.0, ignore_index=IGNORE)
    cases["jaccard_multiclass_ignore"] = overlap_case(soft_jaccard_score, "multiclass", multiclass_fixture(), ignore_index=IGNORE)
    cases["jaccard_binary"] = overlap_case(soft_jaccard_score, "binary", binary_fixture(), smooth=0.5)
    cases["tversky_multiclass"] = overlap_case(soft_tversky_score, "multiclass", multiclass_fixture(), ignore_index=IGNORE,
                                               alpha=0.3, beta=0.7, gamma=1.5)
    cases["tversky_binary"] = overlap_case(soft_tversky_score, "binary", binary_fixture(), ignore_index=IGNORE,
                                           alpha=0.7, beta=0.3, gamma=1.0)
    cases["focal_multiclass_ignore"] = seg_case(lambda x, y: focal_loss(x, y, "multiclass", 2.0, None, IGNORE),
                                                multiclass_fixture(), {"mode": "multiclass", "gamma": 2.0, "ignore_index": IGNORE})
    cases["focal_multiclass_alpha"] = seg_case(lambda x, y: focal_loss(x, y, "multiclass", 1.5, 0.25, None),
                                               multiclass_fixture(), {"mode": "multiclass", "gamma": 1.5, "alpha": 0.25})
    cases["focal_binary_ignore"] = seg_case(lambda x, y: focal_loss(x, y, "binary", 2.0, 0.25, IGNORE),
                                            binary_fixture(), {"mode": "binary", "gamma": 2.0, "alpha": 0.25, "ignore_index": IGNORE})
    cases["lovasz_ignore"] = seg_case(lambda x, y: lovasz_loss(x, y, False, IGNORE), multiclass_fixture(), {"ignore_index": IGNORE, "per_image": False})
    cases["lovasz_per_image"] = seg_case(lambda x, y: lovasz_loss(x, y, True, IGNORE), multiclass_fixture(), {"ignore_index": IGNORE, "per_image": True})
    cases["soft_bce_smooth_ignore"] = seg_case(lambda x, y: soft_bce_loss(x, y, 0.1, 2.0, IGNORE), binary_fixture(),
                                               {"smooth_factor": 0.1, "pos_weight": 2.0, "ignore_index": IGNORE})
    cases["soft_bce_plain"] = seg_case(lambda x, y: soft_bce_loss(x, y), binary_fixture(channel_dim=True), {"smooth_factor": 0.0})
    return cases


def median_frequency_case():
    # SegNet's median-frequency balancing: freq = class pixels / pixels of images holding the class.
    class_pixels = np.array([5000, 1200, 0, 300, 80, 7000], dtype=np.int64)
    image_pixels = np.array([9000, 6000, 0, 4000, 3000, 9000], dtype=np.int64)
    present = class_pixels > 0
    freq = np.zeros(len(class_pixels))
    freq[present] = class_pixels[present] / image_pixels[present]
    median = np.median(freq[present])
    weights = np.where(present, median / np.where(present, freq, 1.0), 0.0)
    return case({"class_pixels": torch.from_numpy(class_pixels), "image_pixels": torch.from_numpy(image_pixels)}, {},
                {"weights": torch.from_numpy(weights)})


# ----------------------------------------------------------------------------
# Adversarial losses
# ----------------------------------------------------------------------------

def gan_losses(mode, real, fake):
    """(D loss on reals, D loss on fakes, G loss), unweighted."""
    if mode == "vanilla":
        return (F.binary_cross_entropy_with_logits(real, torch.ones_like(real)),
                F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)),
                F.binary_cross_entropy_with_logits(fake, torch.ones_like(fake)))
    if mode == "lsgan":
        return (F.mse_loss(real, torch.ones_like(real)), F.mse_loss(fake, torch.zeros_like(fake)),
                F.mse_loss(fake, torch.ones_like(fake)))
    if mode == "hinge":
        return torch.relu(1 - real).mean(), torch.relu(1 + fake).mean(), -fake.mean()
    if mode == "wgangp":
        return -real.mean(), fake.mean(), -fake.mean()
    if mode == "ralsgan":
        return (torch.mean((real - fake.mean() - 1) ** 2), torch.mean((fake - real.mean() + 1) ** 2),
                (torch.mean((real - fake.mean() + 1) ** 2) + torch.mean((fake - real.mean() - 1) ** 2)) / 2)
    raise ValueError(mode)


def gan_case(mode):
    real0 = torch.randn(2, 1, 3, 3, dtype=F64)
    fake0 = torch.randn(2, 1, 3, 3, dtype=F64)
    outputs = {}
    for k, name in enumerate(("real_loss", "fake_loss", "gen_loss")):
        real = real0.clone().requires_grad_()
        fake = fake0.clone().requires_grad_()
        loss = gan_losses(mode, real, fake)[k]
        loss.backward()
        outputs[name] = loss
        outputs["grad_real_" + name] = real.grad if real.grad is not None else torch.zeros_like(real)
        outputs["grad_fake_" + name] = fake.grad if fake.grad is not None else torch.zeros_like(fake)
    return case({"real": real0, "fake": fake0}, {"mode": mode}, outputs)


def wgan_gp_case():
    # D(x) = sum over channels and pixels of V * tanh(conv2d(x, W, b)), one score per sample.
    real = torch.randn(3, 2, 4, 4, dtype=F64)
    fake = torch.randn(3, 2, 4, 4, dtype=F64)
    alpha = torch.rand(3, dtype=F64)
    W = (torch.randn(3, 2, 3, 3, dtype=F64) * 0.4).requires_grad_()
    b = (torch.randn(3, dtype=F64) * 0.1).requires_grad_()
    V = torch.randn(3, 2, 2, dtype=F64).requires_grad_()

    def D(x):
        return (V * torch.tanh(F.conv2d(x, W, b))).sum(dim=(1, 2, 3))

    a = alpha.view(3, 1, 1, 1)
    mixed = (a * real + (1 - a) * fake).requires_grad_(True)
    out = D(mixed)
    grads = torch.autograd.grad(outputs=out, inputs=mixed, grad_outputs=torch.ones_like(out),
                                create_graph=True, retain_graph=True)[0]
    gp = ((grads.view(3, -1).norm(2, dim=1) - 1) ** 2).mean()
    gp.backward()
    return case({"real": real, "fake": fake, "alpha": alpha, "W": W, "b": b, "V": V}, {"lambda": 10.0},
                {"gp": gp, "grad_W": W.grad, "grad_b": b.grad, "grad_V": V.grad})


# ----------------------------------------------------------------------------
# Pixel and perceptual losses
# ----------------------------------------------------------------------------

def image_case(fn):
    output = torch.randn(2, 3, 4, 5, dtype=F64).requires_grad_()
    target = torch.randn(2, 3, 4, 5, dtype=F64)
    loss = fn(output, target)
    loss.backward()
    return case({"output": output, "target": target}, {}, {"loss": loss, "grad_output": output.grad})


IMAGENET_MEAN = [0.485, 0.456, 0.406]
IMAGENET_STD = [0.229, 0.224, 0.225]


def formula_vgg():
    """torchvision's vgg19().features[:15] in float64 with weights from a formula the C# test repeats:
    parameter j (state-dict order) of n elements: weights sin(0.37 k + j) / sqrt(fan_in), biases 0.1 cos(0.91 k + j)."""
    net = torchvision.models.vgg19().features[:15].to(F64).eval()
    with torch.no_grad():
        for j, (name, p) in enumerate(net.state_dict().items()):
            k = torch.arange(p.numel(), dtype=F64)
            if name.endswith("weight"):
                values = torch.sin(0.37 * k + j) / math.sqrt(p.shape[1] * p.shape[2] * p.shape[3])
            else:
                values = 0.1 * torch.cos(0.91 * k + j)
            p.copy_(values.view(p.shape))
    for p in net.parameters():
        p.requires_grad_(False)
    return net


def normalize(x, image_range):
    if x.shape[1] == 1:
        x = x.expand(-1, 3, -1, -1)
    if image_range == "minus_one_to_one":
        x = (x + 1) / 2
    mean = torch.tensor(IMAGENET_MEAN, dtype=F64).view(1, 3, 1, 1)
    std = torch.tensor(IMAGENET_STD, dtype=F64).view(1, 3, 1, 1)
    return (x - mean) / std


def perceptual_cases():
    net = formula_vgg()
    cases = {}
    x = torch.tanh(torch.randn(1, 3, 8, 8, dtype=F64))
    cases["vgg19_features"] = case({"x": x}, {"weights": formula_vgg.__doc__}, {"features": net(x)})
    for name, channels, image_range in (("perceptual_rgb", 3, "minus_one_to_one"),
                                        ("perceptual_gray_unit_range", 1, "zero_to_one")):
        output = torch.rand(2, channels, 8, 8, dtype=F64)
        target = torch.rand(2, channels, 8, 8, dtype=F64)
        if image_range == "minus_one_to_one":
            output, target = output * 2 - 1, target * 2 - 1
        output.requires_grad_()
        with torch.no_grad():
            target_features = net(normalize(target, image_range))
        loss = F.mse_loss(net(normalize(output, image_range)), target_features)
        loss.backward()
        cases[name] = case({"output": output, "target": target}, {"range": image_range},
                           {"loss": loss, "grad_output": output.grad})
    return cases


def main():
    torch.manual_seed(20240603)
    torch.set_num_threads(1)
    cases = {}
    cases.update(segmentation_cases())
    cases["median_frequency"] = median_frequency_case()
    for mode in ("vanilla", "lsgan", "hinge", "wgangp", "ralsgan"):
        cases["gan_" + mode] = gan_case(mode)
    cases["wgan_gp_penalty"] = wgan_gp_case()
    cases["l1"] = image_case(F.l1_loss)
    cases["l2"] = image_case(F.mse_loss)
    cases.update(perceptual_cases())
    doc = {"torch_version": torch.__version__, "seed": 20240603, "cases": cases}
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w") as f:
        json.dump(doc, f, indent=1, allow_nan=False)
        f.write("\n")
    print("wrote %s (%d cases, %d bytes)" % (os.path.normpath(OUT_PATH), len(cases), os.path.getsize(OUT_PATH)))


if __name__ == "__main__":
    main()
