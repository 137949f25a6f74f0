#!/usr/bin/env python3
"""Generate golden reference numbers for the SegGanLab C# tests.

Run from the repository root with Debian's PyTorch:

    /usr/bin/python3 tests/golden/make_golden.py

Writes tests/SegGanLab.Torch.Tests/Golden/golden.json. Every input is stored in
the JSON, so the C# side never has to reproduce PyTorch's RNG.

Layout:
  {"torch_version": str,
   "cases": {name: {"inputs": {n: T}, "params": {n: value}, "outputs": {n: T}}}}
  T = {"shape": [...], "dtype": "float32"|"float64"|"int64"|"bool",
       "data": [flat row-major values]}
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

F64 = torch.float64
F32 = torch.float32

OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "SegGanLab.Torch.Tests", "Golden", "golden.json")

_DTYPE_NAMES = {torch.float32: "float32", torch.float64: "float64",
                torch.int64: "int64", torch.bool: "bool"}


def T(t):
    """Tensor -> JSON dict (shape, dtype, flat row-major data)."""
    t = t.detach().cpu().contiguous()
    if t.dtype not in _DTYPE_NAMES:
        raise TypeError("unsupported dtype %s" % t.dtype)
    if t.numel() > 1024:  # keep golden.json small
        raise ValueError("tensor too large for golden file: %s" % (list(t.shape),))
    data = t.reshape(-1).tolist()
    if t.dtype in (torch.float32, torch.float64):
        data = [float(v) for v in data]
    return {"shape": list(t.shape), "dtype": _DTYPE_NAMES[t.dtype], "data": data}


def case(inputs, params, outputs):
    return {"inputs": {k: T(v) for k, v in inputs.items()},
            "params": params,
            "outputs": {k: T(v) for k, v in outputs.items()}}


def rand(*shape, dtype=F64, grad=False):
    t = torch.randn(*shape, dtype=dtype)
    return t.requires_grad_(grad)


def backward_with(out, g):
    """loss = (out * g).sum(); loss.backward()."""
    (out * g).sum().backward()


# ----------------------------------------------------------------------------
# Convolutions / linear
# ----------------------------------------------------------------------------

def conv_case(x_shape, w_shape, stride, padding, dilation, groups):
    x = rand(*x_shape, grad=True)
    w = rand(*w_shape, grad=True)
    b = rand(w_shape[0], grad=True)
    out = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g},
                {"stride": stride, "padding": padding, "dilation": dilation, "groups": groups},
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def case_conv2d():
    return conv_case([2, 3, 7, 7], [4, 3, 3, 3], [2, 2], [1, 1], [1, 1], 1)


def case_conv2d_dilated_groups():
    return conv_case([1, 4, 9, 9], [4, 2, 3, 3], [1, 1], [2, 2], [2, 2], 2)


def case_conv_transpose2d():
    x = rand(2, 4, 5, 5, grad=True)
    w = rand(4, 3, 4, 4, grad=True)
    b = rand(3, grad=True)
    p = {"stride": [2, 2], "padding": [1, 1], "output_padding": [1, 1],
         "groups": 1, "dilation": [1, 1]}
    out = F.conv_transpose2d(x, w, b, stride=p["stride"], padding=p["padding"],
                             output_padding=p["output_padding"], groups=p["groups"],
                             dilation=p["dilation"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def case_linear():
    x = rand(3, 5, grad=True)
    w = rand(4, 5, grad=True)
    b = rand(4, grad=True)
    out = F.linear(x, w, b)
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g}, {},
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


# ----------------------------------------------------------------------------
# Normalisation
# ----------------------------------------------------------------------------

def case_batch_norm_train():
    x = rand(4, 3, 5, 5, grad=True)
    w = rand(3, grad=True)
    b = rand(3, grad=True)
    rm0 = torch.zeros(3, dtype=F64)
    rv0 = torch.ones(3, dtype=F64)
    rm, rv = rm0.clone(), rv0.clone()
    p = {"momentum": 0.1, "eps": 1e-5, "training": True}
    out = F.batch_norm(x, rm, rv, w, b, training=True, momentum=p["momentum"], eps=p["eps"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "running_mean": rm0, "running_var": rv0,
                 "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad,
                 "running_mean_after": rm, "running_var_after": rv})


def case_batch_norm_eval():
    x = rand(4, 3, 5, 5, grad=True)
    w = rand(3, grad=True)
    b = rand(3, grad=True)
    rm = rand(3)
    rv = torch.rand(3, dtype=F64) + 0.5
    p = {"momentum": 0.1, "eps": 1e-5, "training": False}
    out = F.batch_norm(x, rm, rv, w, b, training=False, momentum=p["momentum"], eps=p["eps"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "running_mean": rm, "running_var": rv,
                 "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def case_instance_norm():
    x = rand(2, 3, 6, 6, grad=True)
    w = rand(3, grad=True)
    b = rand(3, grad=True)
    p = {"eps": 1e-5, "affine": True, "track_running_stats": False}
    out = F.instance_norm(x, weight=w, bias=b, use_input_stats=True, eps=p["eps"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def case_group_norm():
    x = rand(2, 6, 4, 4, grad=True)
    w = rand(6, grad=True)
    b = rand(6, grad=True)
    p = {"num_groups": 3, "eps": 1e-5}
    out = F.group_norm(x, p["num_groups"], w, b, eps=p["eps"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


def case_layer_norm():
    x = rand(2, 3, 4, grad=True)
    w = rand(3, 4, grad=True)
    b = rand(3, 4, grad=True)
    p = {"normalized_shape": [3, 4], "eps": 1e-5}
    out = F.layer_norm(x, p["normalized_shape"], w, b, eps=p["eps"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "weight": w, "bias": b, "grad_out": g}, p,
                {"out": out, "grad_x": x.grad, "grad_weight": w.grad, "grad_bias": b.grad})


# ----------------------------------------------------------------------------
# Pooling / resampling
# ----------------------------------------------------------------------------

def no_tie_tensor(*shape):
    """Distinct values: a random permutation of 0..n-1, scaled and centred."""
    n = 1
    for s in shape:
        n *= s
    perm = torch.randperm(n).to(F64)
    return ((perm - n / 2.0) / n * 4.0).reshape(*shape)


def case_max_pool2d_indices():
    x = no_tie_tensor(2, 2, 7, 7).requires_grad_(True)
    p = {"kernel_size": [3, 3], "stride": [2, 2], "padding": [1, 1], "dilation": [1, 1],
         "ceil_mode": False}
    out, idx = F.max_pool2d(x, p["kernel_size"], p["stride"], p["padding"], p["dilation"],
                            ceil_mode=p["ceil_mode"], return_indices=True)
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "grad_out": g}, p,
                {"out": out, "indices": idx, "grad_x": x.grad})


def case_max_unpool2d():
    x = no_tie_tensor(1, 2, 6, 6)
    p = {"kernel_size": [2, 2], "stride": [2, 2], "padding": [0, 0], "output_size": [6, 6]}
    pooled, idx = F.max_pool2d(x, 2, 2, return_indices=True)
    unpooled = F.max_unpool2d(pooled, idx, 2, 2, output_size=p["output_size"])
    return case({"x": x}, p, {"pooled": pooled, "indices": idx, "unpooled": unpooled})


def case_avg_pool2d():
    x = rand(2, 2, 7, 7, grad=True)
    p = {"kernel_size": [3, 3], "stride": [2, 2], "padding": [1, 1], "ceil_mode": False,
         "count_include_pad": True}
    out = F.avg_pool2d(x, p["kernel_size"], p["stride"], p["padding"],
                       ceil_mode=p["ceil_mode"], count_include_pad=p["count_include_pad"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "grad_out": g}, p, {"out": out, "grad_x": x.grad})


def case_adaptive_avg_pool2d():
    x = rand(2, 3, 7, 9, grad=True)
    p = {"output_size": [3, 4]}
    out = F.adaptive_avg_pool2d(x, p["output_size"])
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "grad_out": g}, p, {"out": out, "grad_x": x.grad})


def case_interpolate_bilinear():
    x = rand(1, 2, 5, 6, grad=True)
    p = {"size": [9, 11], "mode": "bilinear", "align_corners": False,
         "out_align": {"mode": "bilinear", "align_corners": True},
         "out_nearest": {"mode": "nearest"}}
    out = F.interpolate(x, size=p["size"], mode="bilinear", align_corners=False)
    with torch.no_grad():
        out_align = F.interpolate(x, size=p["size"], mode="bilinear", align_corners=True)
        out_nearest = F.interpolate(x, size=p["size"], mode="nearest")
    g = rand(*out.shape)
    backward_with(out, g)
    return case({"x": x, "grad_out": g}, p,
                {"out": out, "out_align": out_align, "out_nearest": out_nearest,
                 "grad_x": x.grad})


# ----------------------------------------------------------------------------
# Softmax / losses
# ----------------------------------------------------------------------------

def case_softmax_log_softmax():
    x = rand(3, 5)
    p = {"dim": 1}
    return case({"x": x}, p, {"softmax": F.softmax(x, dim=1),
                              "log_softmax": F.log_softmax(x, dim=1)})


def ce_inputs():
    logits = rand(2, 4, 3, 3, grad=True)
    target = torch.randint(0, 4, (2, 3, 3), dtype=torch.int64)
    target[0, 0, 0] = 255
    target[0, 2, 1] = 255
    target[1, 1, 2] = 255
    return logits, target


def case_cross_entropy():
    logits, target = ce_inputs()
    weight = torch.rand(4, dtype=F64) + 0.5
    p = {"ignore_index": 255, "label_smoothing": 0.0, "reduction": "mean"}
    loss = F.cross_entropy(logits, target, weight=weight, ignore_index=255,
                           label_smoothing=0.0, reduction="mean")
    loss.backward()
    return case({"logits": logits, "target": target, "weight": weight}, p,
                {"loss": loss, "grad_logits": logits.grad})


def case_cross_entropy_smoothing():
    logits, target = ce_inputs()
    p = {"ignore_index": 255, "label_smoothing": 0.1, "reduction": "mean"}
    loss = F.cross_entropy(logits, target, ignore_index=255, label_smoothing=0.1,
                           reduction="mean")
    loss.backward()
    return case({"logits": logits, "target": target}, p,
                {"loss": loss, "grad_logits": logits.grad})


def case_nll_loss():
    logp = F.log_softmax(rand(5, 3), dim=1).detach().requires_grad_(True)
    target = torch.randint(0, 3, (5,), dtype=torch.int64)
    weight = torch.rand(3, dtype=F64) + 0.5
    p = {"reduction": "mean"}
    loss = F.nll_loss(logp, target, weight=weight, reduction="mean")
    loss.backward()
    return case({"input": logp, "target": target, "weight": weight}, p,
                {"loss": loss, "grad_input": logp.grad})


def case_bce():
    probs = (0.05 + 0.9 * torch.rand(6, dtype=F64)).requires_grad_(True)
    target = torch.tensor([0., 1., 1., 0., 1., 0.], dtype=F64)
    p = {"reduction": "mean"}
    loss = F.binary_cross_entropy(probs, target, reduction="mean")
    loss.backward()
    return case({"input": probs, "target": target}, p,
                {"loss": loss, "grad_input": probs.grad})


def case_bce_with_logits():
    logits = rand(2, 5, grad=True)
    target = torch.rand(2, 5, dtype=F64)
    pos_weight = torch.rand(5, dtype=F64) + 0.5
    p = {"reduction": "mean"}
    loss = F.binary_cross_entropy_with_logits(logits, target, pos_weight=pos_weight,
                                              reduction="mean")
    loss.backward()
    return case({"input": logits, "target": target, "pos_weight": pos_weight}, p,
                {"loss": loss, "grad_input": logits.grad})


def regression_case(fn, params):
    x = rand(3, 4, grad=True)
    target = rand(3, 4)
    loss = fn(x, target)
    loss.backward()
    return case({"x": x, "target": target}, params, {"loss": loss, "grad_x": x.grad})


def case_mse():
    return regression_case(lambda x, t: F.mse_loss(x, t, reduction="mean"),
                           {"reduction": "mean"})


def case_l1():
    return regression_case(lambda x, t: F.l1_loss(x, t, reduction="mean"),
                           {"reduction": "mean"})


def case_smooth_l1():
    return regression_case(lambda x, t: F.smooth_l1_loss(x, t, reduction="mean", beta=1.0),
                           {"reduction": "mean", "beta": 1.0})


def case_activations():
    x = torch.linspace(-3, 3, 20, dtype=F64)
    p = {"leaky_relu_negative_slope": 0.2, "elu_alpha": 1.0, "gelu_approximate": "none"}
    return case({"x": x}, p, {
        "relu": F.relu(x),
        "leaky_relu": F.leaky_relu(x, 0.2),
        "elu": F.elu(x, alpha=1.0),
        "gelu": F.gelu(x, approximate="none"),
        "sigmoid": torch.sigmoid(x),
        "tanh": torch.tanh(x),
    })


# ----------------------------------------------------------------------------
# Optimizers / schedulers (float32)
# ----------------------------------------------------------------------------

def optimizer_case(make_opt, params, steps=3):
    w0 = torch.randn(3, 4, dtype=F32)
    b0 = torch.randn(4, dtype=F32)
    grads_w = [torch.randn(3, 4, dtype=F32) for _ in range(steps)]
    grads_b = [torch.randn(4, dtype=F32) for _ in range(steps)]
    w = nn.Parameter(w0.clone())
    b = nn.Parameter(b0.clone())
    opt = make_opt([w, b])
    inputs = {"w": w0, "b": b0}
    for i in range(steps):
        inputs["g_w_%d" % i] = grads_w[i]
        inputs["g_b_%d" % i] = grads_b[i]
    outputs = {}
    for i in range(steps):
        w.grad = grads_w[i].clone()
        b.grad = grads_b[i].clone()
        opt.step()
        outputs["w_after_%d" % (i + 1)] = w.detach().clone()
        outputs["b_after_%d" % (i + 1)] = b.detach().clone()
    params = dict(params, steps=steps)
    return case(inputs, params, outputs)


def case_sgd_momentum_nesterov():
    p = {"optimizer": "SGD", "lr": 0.1, "momentum": 0.9, "dampening": 0.0, "nesterov": True,
         "weight_decay": 1e-4}
    return optimizer_case(lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, dampening=0.0,
                                                     nesterov=True, weight_decay=1e-4), p)


def case_sgd_plain():
    p = {"optimizer": "SGD", "lr": 0.05, "momentum": 0.0, "dampening": 0.0, "nesterov": False,
         "weight_decay": 0.0}
    return optimizer_case(lambda ps: torch.optim.SGD(ps, lr=0.05), p)


def case_adam():
    p = {"optimizer": "Adam", "lr": 1e-2, "betas": [0.5, 0.999], "eps": 1e-8,
         "weight_decay": 0.0, "amsgrad": False}
    return optimizer_case(lambda ps: torch.optim.Adam(ps, lr=1e-2, betas=(0.5, 0.999),
                                                      eps=1e-8, weight_decay=0), p)


def case_adam_wd_amsgrad():
    p = {"optimizer": "Adam", "lr": 1e-2, "betas": [0.9, 0.999], "eps": 1e-8,
         "weight_decay": 1e-2, "amsgrad": True}
    return optimizer_case(lambda ps: torch.optim.Adam(ps, lr=1e-2, betas=(0.9, 0.999),
                                                      eps=1e-8, weight_decay=1e-2,
                                                      amsgrad=True), p)


def case_adamw():
    p = {"optimizer": "AdamW", "lr": 1e-2, "betas": [0.9, 0.999], "eps": 1e-8,
         "weight_decay": 1e-2, "amsgrad": False}
    return optimizer_case(lambda ps: torch.optim.AdamW(ps, lr=1e-2, betas=(0.9, 0.999),
                                                       eps=1e-8, weight_decay=1e-2), p)


def run_scheduler(make_sched, base_lr, epochs):
    w = nn.Parameter(torch.zeros(1))
    opt = torch.optim.SGD([w], lr=base_lr)
    sched = make_sched(opt)
    lrs = []
    for _ in range(epochs):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return torch.tensor(lrs, dtype=F64)


def case_schedulers():
    base_lr, epochs = 0.1, 10
    n_epochs, n_epochs_decay, epoch_count = 5, 5, 1

    def pix2pix_rule(epoch):
        return 1.0 - max(0, epoch + epoch_count - n_epochs) / float(n_epochs_decay + 1)

    S = torch.optim.lr_scheduler
    steplr = run_scheduler(lambda o: S.StepLR(o, step_size=3, gamma=0.5), base_lr, epochs)
    cosine = run_scheduler(lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.001),
                           base_lr, epochs)
    linear = run_scheduler(lambda o: S.LambdaLR(o, lr_lambda=pix2pix_rule), base_lr, epochs)
    T_max, power = 10, 0.9
    poly = torch.tensor([base_lr * (1.0 - t / T_max) ** power for t in range(1, epochs + 1)],
                        dtype=F64)
    p = {
        "base_lr": base_lr,
        "epochs": epochs,
        "note": "output[i] = lr after the (i+1)-th scheduler.step()",
        "steplr": {"step_size": 3, "gamma": 0.5},
        "cosine": {"T_max": 10, "eta_min": 0.001},
        "poly": {"max_iter": T_max, "power": power,
                 "formula": "base_lr * (1 - t / max_iter) ** power, t = 1..epochs"},
        "linear_decay": {"n_epochs": n_epochs, "n_epochs_decay": n_epochs_decay,
                         "epoch_count": epoch_count,
                         "formula": "1 - max(0, epoch + epoch_count - n_epochs)"
                                    " / (n_epochs_decay + 1), epoch = 1..epochs"},
    }
    return case({}, p, {"steplr": steplr, "cosine": cosine, "poly": poly,
                        "linear_decay": linear})


# ----------------------------------------------------------------------------
# Small network end-to-end (float32, train mode)
# ----------------------------------------------------------------------------

def case_small_net():
    net = nn.Sequential(
        nn.Conv2d(3, 8, 3, padding=1),
        nn.BatchNorm2d(8),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(8, 4, 3, padding=1),
        nn.ConvTranspose2d(4, 4, 2, stride=2),
    )
    # Non-trivial batch-norm affine parameters (defaults are ones/zeros).
    with torch.no_grad():
        net[1].weight.copy_(1.0 + 0.2 * torch.randn(8))
        net[1].bias.copy_(0.1 * torch.randn(8))
    net.train()
    state = {k: v.detach().clone() for k, v in net.state_dict().items()
             if not k.endswith("num_batches_tracked")}
    x = torch.randn(2, 3, 8, 8, dtype=F32)
    target = torch.randint(0, 4, (2, 8, 8), dtype=torch.int64)
    out = net(x)
    loss = F.cross_entropy(out, target)
    loss.backward()
    inputs = dict(state)
    inputs["x"] = x
    inputs["target"] = target
    outputs = {"out": out, "loss": loss,
               "running_mean_after": net[1].running_mean,
               "running_var_after": net[1].running_var}
    for name, prm in net.named_parameters():
        outputs["grad_" + name] = prm.grad
    p = {"layers": ["Conv2d(3,8,3,padding=1)", "BatchNorm2d(8)", "ReLU", "MaxPool2d(2)",
                    "Conv2d(8,4,3,padding=1)", "ConvTranspose2d(4,4,2,stride=2)"],
         "train": True, "bn_momentum": 0.1, "bn_eps": 1e-5, "loss": "cross_entropy mean",
         "parameter_keys": [n for n, _ in net.named_parameters()],
         "buffer_keys": [n for n, _ in net.named_buffers()
                         if not n.endswith("num_batches_tracked")]}
    return case(inputs, p, outputs)


# ----------------------------------------------------------------------------
# Reductions
# ----------------------------------------------------------------------------

def case_reductions():
    x = rand(3, 4, 5)
    mx = x.max(dim=1)
    tk = x.topk(2, dim=2)
    p = {"sum_0_2": {"dim": [0, 2], "keepdim": False},
         "mean_1_keep": {"dim": [1], "keepdim": True},
         "std_2": {"dim": [2], "unbiased": True},
         "var_all": {"unbiased": True},
         "max_1": {"dim": 1},
         "argmax_2": {"dim": 2},
         "topk": {"k": 2, "dim": 2, "largest": True, "sorted": True}}
    return case({"x": x}, p, {
        "sum_0_2": x.sum(dim=[0, 2], keepdim=False),
        "mean_1_keep": x.mean(dim=[1], keepdim=True),
        "std_2": x.std(dim=2, unbiased=True),
        "var_all": x.var(unbiased=True),
        "max_1_values": mx.values,
        "max_1_indices": mx.indices,
        "argmax_2": x.argmax(dim=2),
        "topk_values": tk.values,
        "topk_indices": tk.indices,
    })


# ----------------------------------------------------------------------------
# WGAN-GP: double backward
# ----------------------------------------------------------------------------

def case_wgan_gp_grad():
    x = rand(4, 3, grad=True)
    W1 = rand(3, 5, grad=True)
    b1 = rand(5, grad=True)
    W2 = rand(5, 1, grad=True)

    def critic(inp):
        return (torch.tanh(inp @ W1 + b1) @ W2).sum(dim=1)

    d = critic(x)
    grads = torch.autograd.grad(d.sum(), x, create_graph=True)[0]
    gp = ((grads.norm(2, dim=1) - 1) ** 2).mean()
    gp.backward()
    p = {"critic": "D(x) = (tanh(x @ W1 + b1) @ W2).sum(dim=1)",
         "gp": "((grad_x D(x)).norm(2, dim=1) - 1)^2 .mean()"}
    return case({"x": x, "W1": W1, "b1": b1, "W2": W2}, p,
                {"d": d, "input_grads": grads, "gp": gp, "grad_W1": W1.grad,
                 "grad_W2": W2.grad, "grad_b1": b1.grad, "grad_x": x.grad})


# ----------------------------------------------------------------------------

CASES = [
    ("conv2d", case_conv2d),
    ("conv2d_dilated_groups", case_conv2d_dilated_groups),
    ("conv_transpose2d", case_conv_transpose2d),
    ("linear", case_linear),
    ("batch_norm_train", case_batch_norm_train),
    ("batch_norm_eval", case_batch_norm_eval),
    ("instance_norm", case_instance_norm),
    ("group_norm", case_group_norm),
    ("layer_norm", case_layer_norm),
    ("max_pool2d_indices", case_max_pool2d_indices),
    ("max_unpool2d", case_max_unpool2d),
    ("avg_pool2d", case_avg_pool2d),
    ("adaptive_avg_pool2d", case_adaptive_avg_pool2d),
    ("interpolate_bilinear", case_interpolate_bilinear),
    ("softmax_log_softmax", case_softmax_log_softmax),
    ("cross_entropy", case_cross_entropy),
    ("cross_entropy_smoothing", case_cross_entropy_smoothing),
    ("nll_loss", case_nll_loss),
    ("bce", case_bce),
    ("bce_with_logits", case_bce_with_logits),
    ("mse", case_mse),
    ("l1", case_l1),
    ("smooth_l1", case_smooth_l1),
    ("activations", case_activations),
    ("sgd_momentum_nesterov", case_sgd_momentum_nesterov),
    ("sgd_plain", case_sgd_plain),
    ("adam", case_adam),
    ("adam_wd_amsgrad", case_adam_wd_amsgrad),
    ("adamw", case_adamw),
    ("schedulers", case_schedulers),
    ("small_net", case_small_net),
    ("reductions", case_reductions),
    ("wgan_gp_grad", case_wgan_gp_grad),
]


def main():
    torch.manual_seed(1234)
    torch.set_num_threads(1)
    torch.set_default_dtype(torch.float32)
    cases = {}
    for name, fn in CASES:
        cases[name] = fn()
    doc = {"torch_version": torch.__version__, "seed": 1234, "cases": cases}
    os.makedirs(os.path.dirname(OUT_PATH), exist_ok=True)
    with open(OUT_PATH, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False, allow_nan=False)
        f.write("\n")
    print("wrote %s (%d cases, %d bytes)" % (os.path.normpath(OUT_PATH), len(cases),
                                              os.path.getsize(OUT_PATH)))


if __name__ == "__main__":
    main()
