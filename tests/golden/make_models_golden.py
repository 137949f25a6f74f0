#!/usr/bin/env python3
"""Golden outputs of SegGanLab's model zoo, from independent PyTorch implementations.

Run from the repository root with Debian's PyTorch (the same LibTorch as SegGanLab):

    /usr/bin/python3 tests/golden/make_models_golden.py

Writes tests/SegGanLab.Models.Tests/Golden/models.json (see tests/golden/README.md for the
format). Each case builds a small model here, written after the original sources (pix2pix's
networks.py, torchvision's ResNet/VGG/ASPP, the SegNet tutorial's prototxt, AdvSemiSeg's
FCDiscriminator, pix2pixHD, DCGAN), fills every parameter and buffer with a deterministic
formula, runs a formula input through it in float64 and stores the output. The C# test builds
the same architecture with SegGanLab, fills it with the same formula (tensors in state-dict
order; the stored "state" list of names and shapes must match its own in count, order and
shapes) and compares. Nothing random is involved, so no weights or inputs are stored.

The case "param_counts" holds, in its params, the parameter count of every registered model at
its default options, counted on these reference implementations.
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

F64 = torch.float64
OUT_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                        "SegGanLab.Models.Tests", "Golden", "models.json")
MAX_ELEMENTS = 8192


# ---------------------------------------------------------------------------
# The deterministic fill (mirrored by FormulaWeights in the C# tests)
# ---------------------------------------------------------------------------

def formula(name, shape, index):
    """Values for state-dict entry number `index` (num_batches_tracked entries are not counted)."""
    n = math.prod(shape)
    v = torch.sin(torch.arange(n, dtype=F64) * 0.37 + (index + 1) * 1.618)
    last = name.rsplit(".", 1)[-1]
    if last == "running_var":
        v = v * 0.5 * v + 1
    elif last == "running_mean":
        v = v * 0.1
    elif len(shape) == 1 and last == "weight":
        v = v * 0.2 + 1
    elif len(shape) == 1:
        v = v * 0.1
    else:
        v = v * math.sqrt(4.0 / (n / shape[0]))
    return v.reshape(shape)


def fill(model):
    """Converts to float64 and fills every parameter and buffer; returns [[name, shape], ...]."""
    model.double()
    state, index = [], 0
    with torch.no_grad():
        for name, t in model.state_dict().items():
            if name.endswith("num_batches_tracked"):
                continue
            t.copy_(formula(name, list(t.shape), index))
            state.append([name, list(t.shape)])
            index += 1
    return state


def formula_input(shape):
    n = math.prod(shape)
    return torch.sin(torch.arange(n, dtype=F64) * 0.91 + 0.5).reshape(shape)


def T(t):
    t = t.detach().cpu().contiguous()
    if t.numel() > MAX_ELEMENTS:
        raise ValueError("tensor too large for the golden file: %s" % (list(t.shape),))
    return {"shape": list(t.shape), "dtype": "float64", "data": [float(v) for v in t.to(F64).reshape(-1).tolist()]}


def run_case(model, config, input_shape, outputs_of, train=False):
    state = fill(model)
    model.train(train)
    x = formula_input(input_shape)
    outputs = outputs_of(model, x)
    return {"inputs": {}, "params": {"model": config, "input_shape": input_shape, "train": train, "state": state},
            "outputs": {k: T(v) for k, v in outputs.items()}}


def single(model, x):
    return {"out": model(x)}


def norm_layer(kind, channels):
    return {"batch": lambda: nn.BatchNorm2d(channels), "instance": lambda: nn.InstanceNorm2d(channels), "none": lambda: None}[kind]()


def conv_bias(kind):
    return kind != "batch"


def seq(*layers):
    return nn.Sequential(*[l for l in layers if l is not None])


# ---------------------------------------------------------------------------
# U-Net (Ronneberger et al.), same padding
# ---------------------------------------------------------------------------

def double_conv(cin, cout, norm):
    return seq(nn.Conv2d(cin, cout, 3, padding=1, bias=conv_bias(norm)), norm_layer(norm, cout), nn.ReLU(),
               nn.Conv2d(cout, cout, 3, padding=1, bias=conv_bias(norm)), norm_layer(norm, cout), nn.ReLU())


class RefUNet(nn.Module):
    def __init__(self, cin, classes, depth, width, upsampling, norm, dropout, output):
        super().__init__()
        w = [width << l for l in range(depth + 1)]
        self.encoder = nn.ModuleList([double_conv(cin if l == 0 else w[l - 1], w[l], norm) for l in range(depth + 1)])
        self.pool = nn.MaxPool2d(2)
        self.dropout = nn.Dropout(dropout) if dropout > 0 else None
        if upsampling == "transposed":
            ups = [nn.ConvTranspose2d(w[l + 1], w[l], 2, stride=2) for l in range(depth)]
        else:
            ups = [nn.Sequential(nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False), nn.Conv2d(w[l + 1], w[l], 3, padding=1))
                   for l in range(depth)]
        self.upsample = nn.ModuleList(ups)
        self.decoder = nn.ModuleList([double_conv(2 * w[l], w[l], norm) for l in range(depth)])
        self.head = nn.Conv2d(width, classes, 1)
        self.output = output
        self.depth = depth

    def forward(self, x):
        skips = []
        for l in range(self.depth):
            x = self.encoder[l](x)
            skips.append(x)
            x = self.pool(x)
        x = self.encoder[self.depth](x)
        if self.dropout is not None:
            x = self.dropout(x)
        for l in reversed(range(self.depth)):
            x = self.decoder[l](torch.cat([skips[l], self.upsample[l](x)], 1))
        x = self.head(x)
        return torch.tanh(x) if self.output == "tanh" else x


# ---------------------------------------------------------------------------
# pix2pix's U-Net generator, as networks.py builds it (in-place LeakyReLU included)
# ---------------------------------------------------------------------------

class UnetSkipConnectionBlock(nn.Module):
    def __init__(self, outer_nc, inner_nc, input_nc=None, submodule=None, outermost=False, innermost=False, norm="batch", dropout=0.0):
        super().__init__()
        self.outermost = outermost
        use_bias = conv_bias(norm)
        input_nc = outer_nc if input_nc is None else input_nc
        downconv = nn.Conv2d(input_nc, inner_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
        downrelu = nn.LeakyReLU(0.2, True)
        uprelu = nn.ReLU(True)
        if outermost:
            upconv = nn.ConvTranspose2d(inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1)
            model = [downconv, submodule, uprelu, upconv, nn.Tanh()]
        elif innermost:
            upconv = nn.ConvTranspose2d(inner_nc, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
            model = [downrelu, downconv, uprelu, upconv, norm_layer(norm, outer_nc)]
        else:
            upconv = nn.ConvTranspose2d(inner_nc * 2, outer_nc, kernel_size=4, stride=2, padding=1, bias=use_bias)
            model = [downrelu, downconv, norm_layer(norm, inner_nc), submodule, uprelu, upconv, norm_layer(norm, outer_nc)]
            if dropout > 0:
                model += [nn.Dropout(dropout)]
        self.model = seq(*model)

    def forward(self, x):
        if self.outermost:
            return self.model(x)
        return torch.cat([x, self.model(x)], 1)


def pix2pix_unet(input_nc, output_nc, num_downs, ngf, norm="batch", dropout=0.5):
    block = UnetSkipConnectionBlock(ngf * 8, ngf * 8, innermost=True, norm=norm)
    for _ in range(num_downs - 5):
        block = UnetSkipConnectionBlock(ngf * 8, ngf * 8, submodule=block, norm=norm, dropout=dropout)
    block = UnetSkipConnectionBlock(ngf * 4, ngf * 8, submodule=block, norm=norm)
    block = UnetSkipConnectionBlock(ngf * 2, ngf * 4, submodule=block, norm=norm)
    block = UnetSkipConnectionBlock(ngf, ngf * 2, submodule=block, norm=norm)
    return UnetSkipConnectionBlock(output_nc, ngf, input_nc=input_nc, submodule=block, outermost=True, norm=norm)


# ---------------------------------------------------------------------------
# SegNet (segnet_train.prototxt) on torchvision's VGG-16-BN layers, and SegNet-Basic
# ---------------------------------------------------------------------------

class RefSegNet(nn.Module):
    def __init__(self, cin, classes, width):
        super().__init__()
        w = [width, 2 * width, 4 * width, 8 * width, 8 * width]
        cfg = [w[0], w[0], "M", w[1], w[1], "M", w[2], w[2], w[2], "M", w[3], w[3], w[3], "M", w[4], w[4], w[4], "M"]
        self.encoder = nn.Module()
        self.encoder.features = self.vgg_features(cfg, cin)
        stages = []
        for s, convs in reversed(list(enumerate([2, 2, 3, 3, 3]))):
            layers = []
            units = convs - (1 if s == 0 else 0)
            for u in range(units):
                out = w[s - 1] if (u == units - 1 and s > 0) else w[s]
                layers += [nn.Conv2d(w[s], out, 3, padding=1), nn.BatchNorm2d(out), nn.ReLU()]
            stages.append(nn.Sequential(*layers))
        self.decoder = nn.ModuleList(stages)
        self.classifier = nn.Conv2d(w[0], classes, 3, padding=1)

    @staticmethod
    def vgg_features(cfg, cin):
        features = torchvision.models.vgg.make_layers(cfg, batch_norm=True)
        if cin != 3:
            features[0] = nn.Conv2d(cin, cfg[0], 3, padding=1)
        for m in features:
            if isinstance(m, nn.MaxPool2d):
                m.ceil_mode, m.return_indices = True, True   # Caffe's SegNet pools round up
        return features

    def forward(self, x):
        pools = []
        for m in self.encoder.features:
            if isinstance(m, nn.MaxPool2d):
                size = x.shape[2:]
                x, idx = m(x)
                pools.append((idx, size))
            else:
                x = m(x)
        for stage, (idx, size) in zip(self.decoder, reversed(pools)):
            x = stage(F.max_unpool2d(x, idx, 2, 2, output_size=size))
        return self.classifier(x)


class RefSegNetBasic(nn.Module):
    def __init__(self, cin, classes, width, lrn):
        super().__init__()
        self.lrn = nn.LocalResponseNorm(5, alpha=1e-4, beta=0.75, k=1.0) if lrn else None
        self.encoder = nn.ModuleList([nn.Sequential(nn.Conv2d(cin if s == 0 else width, width, 7, padding=3), nn.BatchNorm2d(width), nn.ReLU())
                                      for s in range(4)])
        self.decoder = nn.ModuleList([nn.Sequential(nn.Conv2d(width, width, 7, padding=3), nn.BatchNorm2d(width)) for _ in range(4)])
        self.classifier = nn.Conv2d(width, classes, 1)

    def forward(self, x):
        if self.lrn is not None:
            x = self.lrn(x)
        pools = []
        for stage in self.encoder:
            x = stage(x)
            size = x.shape[2:]
            x, idx = F.max_pool2d(x, 2, 2, ceil_mode=True, return_indices=True)
            pools.append((idx, size))
        for stage, (idx, size) in zip(self.decoder, reversed(pools)):
            x = stage(F.max_unpool2d(x, idx, 2, 2, output_size=size))
        return self.classifier(x)


# ---------------------------------------------------------------------------
# ResNet (torchvision's layout, any width, dilation in basic blocks too), FCN, DeepLabV3+
# ---------------------------------------------------------------------------

class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, inplanes, planes, stride=1, dilation=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 3, stride, padding=dilation, dilation=dilation, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(planes, planes, 3, padding=dilation, dilation=dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        return self.relu(self.bn2(self.conv2(out)) + identity)


class Bottleneck(nn.Module):
    expansion = 4

    def __init__(self, inplanes, planes, stride=1, dilation=1, downsample=None):
        super().__init__()
        self.conv1 = nn.Conv2d(inplanes, planes, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, 3, stride, padding=dilation, dilation=dilation, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.conv3 = nn.Conv2d(planes, planes * 4, 1, bias=False)
        self.bn3 = nn.BatchNorm2d(planes * 4)
        self.relu = nn.ReLU(inplace=True)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.downsample(x)
        out = self.relu(self.bn1(self.conv1(x)))
        out = self.relu(self.bn2(self.conv2(out)))
        return self.relu(self.bn3(self.conv3(out)) + identity)


class RefResNet(nn.Module):
    def __init__(self, kind, cin=3, width=64, dilate_last=False):
        super().__init__()
        block, layers = {"resnet18": (BasicBlock, [2, 2, 2, 2]), "resnet34": (BasicBlock, [3, 4, 6, 3]),
                         "resnet50": (Bottleneck, [3, 4, 6, 3])}[kind]
        self.inplanes, self.dilation = width, 1
        self.conv1 = nn.Conv2d(cin, width, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU(inplace=True)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        self.layer1 = self._make_layer(block, width, layers[0])
        self.layer2 = self._make_layer(block, width * 2, layers[1], stride=2)
        self.layer3 = self._make_layer(block, width * 4, layers[2], stride=2)
        self.layer4 = self._make_layer(block, width * 8, layers[3], stride=2, dilate=dilate_last)

    def _make_layer(self, block, planes, blocks, stride=1, dilate=False):
        previous_dilation = self.dilation
        if dilate:
            self.dilation *= stride
            stride = 1
        downsample = None
        if stride != 1 or self.inplanes != planes * block.expansion:
            downsample = nn.Sequential(nn.Conv2d(self.inplanes, planes * block.expansion, 1, stride, bias=False), nn.BatchNorm2d(planes * block.expansion))
        layers = [block(self.inplanes, planes, stride, previous_dilation, downsample)]
        self.inplanes = planes * block.expansion
        layers += [block(self.inplanes, planes, dilation=self.dilation) for _ in range(1, blocks)]
        return nn.Sequential(*layers)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        l1 = self.layer1(x)
        l2 = self.layer2(l1)
        l3 = self.layer3(l2)
        return l1, l2, l3, self.layer4(l3)


def resize(x, like):
    return F.interpolate(x, size=like.shape[2:], mode="bilinear", align_corners=False)


class RefFcn(nn.Module):
    def __init__(self, variant, backbone, cin, classes, width):
        super().__init__()
        self.backbone = RefResNet(backbone, cin, width)
        c = [width * m * (4 if backbone == "resnet50" else 1) for m in (1, 2, 4, 8)]
        inter = c[3] // 4
        self.head = nn.Sequential(nn.Conv2d(c[3], inter, 3, padding=1, bias=False), nn.BatchNorm2d(inter), nn.ReLU(), nn.Dropout(0.1), nn.Conv2d(inter, classes, 1))
        self.score16 = nn.Conv2d(c[2], classes, 1) if variant != "fcn32s" else None
        self.score8 = nn.Conv2d(c[1], classes, 1) if variant == "fcn8s" else None

    def forward(self, x):
        _, l2, l3, l4 = self.backbone(x)
        s = self.head(l4)
        if self.score16 is not None:
            s = resize(s, l3) + self.score16(l3)
        if self.score8 is not None:
            s = resize(s, l2) + self.score8(l2)
        return resize(s, x)


class ASPP(nn.Module):
    """torchvision's ASPP (torchvision/models/segmentation/deeplabv3.py), branch order and all."""

    def __init__(self, cin, rates, cout):
        super().__init__()
        branches = [nn.Sequential(nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())]
        branches += [nn.Sequential(nn.Conv2d(cin, cout, 3, padding=r, dilation=r, bias=False), nn.BatchNorm2d(cout), nn.ReLU()) for r in rates]
        self.branches = nn.ModuleList(branches)
        self.pooling = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Conv2d(cin, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())
        self.project = nn.Sequential(nn.Conv2d((len(rates) + 2) * cout, cout, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(), nn.Dropout(0.5))

    def forward(self, x):
        outs = [b(x) for b in self.branches] + [resize(self.pooling(x), x)]
        return self.project(torch.cat(outs, 1))


class RefDeepLabV3Plus(nn.Module):
    def __init__(self, backbone, cin, classes, decoder_width, width, low_level, rates):
        super().__init__()
        self.backbone = RefResNet(backbone, cin, width, dilate_last=True)
        c = [width * m * (4 if backbone == "resnet50" else 1) for m in (1, 2, 4, 8)]
        self.aspp = ASPP(c[3], rates, decoder_width)
        self.lowLevel = nn.Sequential(nn.Conv2d(c[0], low_level, 1, bias=False), nn.BatchNorm2d(low_level), nn.ReLU())
        self.decoder = nn.Sequential(nn.Conv2d(decoder_width + low_level, decoder_width, 3, padding=1, bias=False), nn.BatchNorm2d(decoder_width), nn.ReLU(),
                                     nn.Conv2d(decoder_width, decoder_width, 3, padding=1, bias=False), nn.BatchNorm2d(decoder_width), nn.ReLU())
        self.classifier = nn.Conv2d(decoder_width, classes, 1)

    def forward(self, x):
        l1, _, _, l4 = self.backbone(x)
        context = self.aspp(l4)
        low = self.lowLevel(l1)
        return resize(self.classifier(self.decoder(torch.cat([resize(context, low), low], 1))), x)


# ---------------------------------------------------------------------------
# Discriminators: pix2pix's NLayer and Pixel, AdvSemiSeg's FCDiscriminator, pix2pixHD's multi-scale
# ---------------------------------------------------------------------------

def n_layer_discriminator(input_nc, ndf, n_layers, norm):
    use_bias = conv_bias(norm)
    sequence = [nn.Conv2d(input_nc, ndf, 4, 2, 1), nn.LeakyReLU(0.2, True)]
    nf_mult = 1
    for n in range(1, n_layers):
        nf_mult_prev, nf_mult = nf_mult, min(2 ** n, 8)
        sequence += [nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, 4, 2, 1, bias=use_bias), norm_layer(norm, ndf * nf_mult), nn.LeakyReLU(0.2, True)]
    nf_mult_prev, nf_mult = nf_mult, min(2 ** n_layers, 8)
    sequence += [nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, 4, 1, 1, bias=use_bias), norm_layer(norm, ndf * nf_mult), nn.LeakyReLU(0.2, True)]
    sequence += [nn.Conv2d(ndf * nf_mult, 1, 4, 1, 1)]
    return seq(*sequence)


def pixel_discriminator(input_nc, ndf, norm):
    use_bias = conv_bias(norm)
    return seq(nn.Conv2d(input_nc, ndf, 1), nn.LeakyReLU(0.2, True), nn.Conv2d(ndf, ndf * 2, 1, bias=use_bias), norm_layer(norm, ndf * 2),
               nn.LeakyReLU(0.2, True), nn.Conv2d(ndf * 2, 1, 1, bias=use_bias))


class FCDiscriminator(nn.Module):
    def __init__(self, num_classes, ndf=64):
        super().__init__()
        self.conv1 = nn.Conv2d(num_classes, ndf, 4, 2, 1)
        self.conv2 = nn.Conv2d(ndf, ndf * 2, 4, 2, 1)
        self.conv3 = nn.Conv2d(ndf * 2, ndf * 4, 4, 2, 1)
        self.conv4 = nn.Conv2d(ndf * 4, ndf * 8, 4, 2, 1)
        self.classifier = nn.Conv2d(ndf * 8, 1, 4, 2, 1)
        self.leaky_relu = nn.LeakyReLU(0.2, True)

    def forward(self, x):
        for conv in (self.conv1, self.conv2, self.conv3, self.conv4):
            x = self.leaky_relu(conv(x))
        return self.classifier(x)


class MultiscaleDiscriminator(nn.Module):
    def __init__(self, make, num_d):
        super().__init__()
        self.scales = nn.ModuleList([make() for _ in range(num_d)])

    def forward(self, x):
        outs = []
        for k, d in enumerate(self.scales):
            if k > 0:
                x = F.avg_pool2d(x, 3, stride=2, padding=1, count_include_pad=False)
            outs.append(d(x))
        return outs


# ---------------------------------------------------------------------------
# Generators: pix2pix's ResnetGenerator (+ DeblurGAN's residual output), DCGAN joint generator
# ---------------------------------------------------------------------------

class ResnetBlock(nn.Module):
    def __init__(self, dim, norm, dropout):
        super().__init__()
        use_bias = conv_bias(norm)
        self.conv_block = seq(nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=use_bias), norm_layer(norm, dim), nn.ReLU(True),
                              nn.Dropout(dropout) if dropout > 0 else None,
                              nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=use_bias), norm_layer(norm, dim))

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    def __init__(self, input_nc, output_nc, ngf, norm, dropout, n_blocks, learn_residual):
        super().__init__()
        use_bias = conv_bias(norm)
        model = [nn.ReflectionPad2d(3), nn.Conv2d(input_nc, ngf, 7, bias=use_bias), norm_layer(norm, ngf), nn.ReLU(True)]
        for i in range(2):
            mult = 2 ** i
            model += [nn.Conv2d(ngf * mult, ngf * mult * 2, 3, stride=2, padding=1, bias=use_bias), norm_layer(norm, ngf * mult * 2), nn.ReLU(True)]
        model += [ResnetBlock(ngf * 4, norm, dropout) for _ in range(n_blocks)]
        for i in range(2):
            mult = 2 ** (2 - i)
            model += [nn.ConvTranspose2d(ngf * mult, ngf * mult // 2, 3, stride=2, padding=1, output_padding=1, bias=use_bias),
                      norm_layer(norm, ngf * mult // 2), nn.ReLU(True)]
        model += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, output_nc, 7), nn.Tanh()]
        self.model = seq(*model)
        self.learn_residual = learn_residual

    def forward(self, x):
        out = self.model(x)
        return torch.clamp(x + out, -1, 1) if self.learn_residual else out


class DcganJoint(nn.Module):
    def __init__(self, nz, classes, channels, size, ngf):
        super().__init__()
        ups = int(math.log2(size)) - 3
        width = ngf << ups
        layers = [nn.ConvTranspose2d(nz, width, 4, 1, 0, bias=False), nn.BatchNorm2d(width), nn.ReLU(True)]
        for _ in range(ups):
            layers += [nn.ConvTranspose2d(width, width // 2, 4, 2, 1, bias=False), nn.BatchNorm2d(width // 2), nn.ReLU(True)]
            width //= 2
        self.trunk = nn.Sequential(*layers)
        self.imageHead = nn.Sequential(nn.ConvTranspose2d(ngf, channels, 4, 2, 1, bias=False), nn.Tanh())
        self.maskHead = nn.ConvTranspose2d(ngf, classes, 4, 2, 1)

    def forward(self, z):
        h = self.trunk(z.view(z.shape[0], -1, 1, 1))
        return self.imageHead(h), self.maskHead(h)


# ---------------------------------------------------------------------------
# Cases
# ---------------------------------------------------------------------------

def grad_case(model, x, g):
    x = x.clone().requires_grad_(True)
    out = model(x)
    (out * g).sum().backward()
    return out, x.grad


def cases():
    c = {}
    unet = {"in": 3, "classes": 3, "depth": 2, "width": 4, "upsampling": "transposed", "norm": "batch", "dropout": 0.0, "output": "none"}
    c["unet_transposed_batch"] = run_case(RefUNet(3, 3, 2, 4, "transposed", "batch", 0.0, "none"), unet, [2, 3, 16, 12], single)

    def unet_train(model, x):
        out, grad = grad_case(model, x, formula_input([2, 3, 16, 12]) * 0.5)
        return {"out": out, "grad_input": grad}
    c["unet_transposed_batch_train"] = run_case(RefUNet(3, 3, 2, 4, "transposed", "batch", 0.0, "none"), unet, [2, 3, 16, 12], unet_train, train=True)
    c["unet_bilinear_instance_tanh"] = run_case(
        RefUNet(2, 2, 3, 4, "bilinear", "instance", 0.3, "tanh"),
        {"in": 2, "classes": 2, "depth": 3, "width": 4, "upsampling": "bilinear", "norm": "instance", "dropout": 0.3, "output": "tanh"}, [1, 2, 16, 24], single)

    c["pix2pix_unet"] = run_case(pix2pix_unet(3, 1, 6, 2), {"downs": 6, "in": 3, "out": 1, "width": 2, "norm": "batch", "dropout": 0.5},
                                 [1, 3, 64, 64], single)
    c["pix2pix_unet_instance"] = run_case(pix2pix_unet(2, 2, 5, 2, norm="instance", dropout=0.0),
                                          {"downs": 5, "in": 2, "out": 2, "width": 2, "norm": "instance", "dropout": 0.0}, [1, 2, 32, 32], single)

    c["segnet"] = run_case(RefSegNet(3, 3, 2), {"in": 3, "classes": 3, "width": 2}, [1, 3, 40, 36], single)
    c["segnet_basic"] = run_case(RefSegNetBasic(3, 3, 4, True), {"in": 3, "classes": 3, "width": 4, "lrn": True}, [1, 3, 20, 28], single)

    for name, variant, backbone, width, shape in [("fcn8s_resnet18", "fcn8s", "resnet18", 8, [1, 3, 40, 40]),
                                                 ("fcn16s_resnet50", "fcn16s", "resnet50", 4, [1, 3, 36, 44]),
                                                 ("fcn32s_resnet34", "fcn32s", "resnet34", 4, [1, 3, 32, 32])]:
        c[name] = run_case(RefFcn(variant, backbone, 3, 2, width), {"variant": variant, "backbone": backbone, "in": 3, "classes": 2, "width": width}, shape, single)
    c["deeplabv3plus"] = run_case(RefDeepLabV3Plus("resnet18", 3, 2, 16, 8, 8, [1, 2, 3]),
                                  {"backbone": "resnet18", "in": 3, "classes": 2, "decoder_width": 16, "width": 8, "low_level": 8, "rates": [1, 2, 3]},
                                  [1, 3, 48, 48], single)

    patch = {"image": 2, "labels": 3, "layers": 3, "width": 4, "norm": "batch"}
    c["patchgan"] = run_case(n_layer_discriminator(5, 4, 3, "batch"), patch, [2, 5, 40, 48], single)
    c["patchgan_train"] = run_case(n_layer_discriminator(5, 4, 3, "batch"), patch, [2, 5, 40, 48], single, train=True)
    c["patchgan_instance"] = run_case(n_layer_discriminator(4, 4, 2, "instance"), {"image": 1, "labels": 3, "layers": 2, "width": 4, "norm": "instance"},
                                      [1, 4, 24, 28], single)
    c["pixelgan"] = run_case(pixel_discriminator(5, 4, "batch"), {"image": 3, "labels": 2, "width": 4, "norm": "batch"}, [1, 5, 6, 7], single)

    def hung(model, x):
        return {"out": F.interpolate(model(x), size=x.shape[2:], mode="bilinear", align_corners=False)}
    c["hung_fcd"] = run_case(FCDiscriminator(3, 4), {"labels": 3, "width": 4}, [1, 3, 48, 40], hung)

    def multiscale(model, x):
        return {"scale%d" % k: o for k, o in enumerate(model(x))}
    c["multiscale"] = run_case(MultiscaleDiscriminator(lambda: n_layer_discriminator(3, 4, 2, "batch"), 2),
                               {"scales": 2, "image": 1, "labels": 2, "layers": 2, "width": 4, "norm": "batch"}, [1, 3, 40, 40], multiscale)

    c["resnet_generator_residual"] = run_case(ResnetGenerator(3, 3, 4, "instance", 0.0, 2, True),
                                              {"blocks": 2, "in": 3, "out": 3, "width": 4, "norm": "instance", "dropout": 0.0, "residual": True},
                                              [1, 3, 16, 20], single)
    c["resnet_generator_batch"] = run_case(ResnetGenerator(3, 2, 4, "batch", 0.5, 1, False),
                                           {"blocks": 1, "in": 3, "out": 2, "width": 4, "norm": "batch", "dropout": 0.5, "residual": False},
                                           [1, 3, 12, 12], single)

    def joint(model, z):
        image, mask = model(z)
        return {"image": image, "mask": mask}
    c["dcgan_joint"] = run_case(DcganJoint(8, 3, 3, 16, 4), {"latent": 8, "classes": 3, "channels": 3, "size": 16, "width": 4}, [2, 8], joint)

    def lrn(size):
        def run(_, x):
            return {"out": F.local_response_norm(x * 4, size, alpha=0.3, beta=0.75, k=2.0)}
        return run
    for size in (3, 4):
        c["local_response_norm_%d" % size] = run_case(nn.Identity(), {"size": size, "alpha": 0.3, "beta": 0.75, "k": 2.0, "scale": 4}, [2, 6, 3, 3], lrn(size))
    return c


def count(model):
    return sum(p.numel() for p in model.parameters())


def param_counts():
    """Every registered name at its default options (3-channel images, 2 classes, width 64)."""
    counts = {
        "unet": count(RefUNet(3, 2, 4, 64, "transposed", "batch", 0.0, "none")),
        "unet_128": count(pix2pix_unet(3, 3, 7, 64)),
        "unet_256": count(pix2pix_unet(3, 3, 8, 64)),
        "segnet": count(RefSegNet(3, 2, 64)),
        "segnet_basic": count(RefSegNetBasic(3, 2, 64, True)),
        "fcn8s": count(RefFcn("fcn8s", "resnet18", 3, 2, 64)),
        "fcn16s": count(RefFcn("fcn16s", "resnet18", 3, 2, 64)),
        "fcn32s": count(RefFcn("fcn32s", "resnet18", 3, 2, 64)),
        "deeplabv3plus_lite": count(RefDeepLabV3Plus("resnet18", 3, 2, 128, 64, 48, [6, 12, 18])),
        "patchgan": count(n_layer_discriminator(5, 64, 3, "batch")),
        "pixelgan": count(pixel_discriminator(5, 64, "batch")),
        "hung_fcd": count(FCDiscriminator(2, 64)),
        "multiscale": count(MultiscaleDiscriminator(lambda: n_layer_discriminator(5, 64, 3, "batch"), 2)),
        "dcgan_joint": count(DcganJoint(100, 2, 3, 64, 64)),
        "resnet_6blocks": count(ResnetGenerator(3, 3, 64, "instance", 0.0, 6, False)),
        "resnet_9blocks": count(ResnetGenerator(3, 3, 64, "instance", 0.0, 9, False)),
    }
    # The numbers pix2pix prints for its defaults (batch-norm unet_256, instance-norm resnet_9blocks,
    # the basic D on 3+3 channels): the references above are pix2pix's networks.
    assert round(count(pix2pix_unet(3, 3, 8, 64)) / 1e6, 3) == 54.414
    assert round(count(ResnetGenerator(3, 3, 64, "instance", 0.0, 9, False)) / 1e6, 3) == 11.378
    assert round(count(n_layer_discriminator(6, 64, 3, "batch")) / 1e6, 3) == 2.769
    # torchvision's own ResNets and VGG-16-BN, classifier excluded, have as many parameters as ours.
    for kind in ("resnet18", "resnet34", "resnet50"):
        tv = torchvision.models.get_model(kind, weights=None)
        assert count(RefResNet(kind)) == count(tv) - count(tv.fc), kind
    assert count(RefSegNet(3, 2, 64).encoder) == count(torchvision.models.vgg16_bn(weights=None).features)
    return counts


def main():
    torch.set_num_threads(1)
    all_cases = cases()
    all_cases["param_counts"] = {"inputs": {}, "params": param_counts(), "outputs": {}}
    doc = {"torch_version": torch.__version__, "seed": 0, "cases": all_cases}
    with open(OUT_PATH, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote %s (%d cases, %d bytes)" % (OUT_PATH, len(doc["cases"]), os.path.getsize(OUT_PATH)))


if __name__ == "__main__":
    main()
