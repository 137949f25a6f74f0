#!/usr/bin/env python3
"""The PyTorch side of bench/step.sh: the same pix2pix-style GAN step as bench/StepBench.

A small U-Net generator and a 3-layer PatchGAN discriminator, layer for layer as in
bench/StepBench/GanNets.cs; one step = D update, then G update (BCE-with-logits adversarial
terms, L1 x 100, Adam 2e-4 / (0.5, 0.999)). Prints one line: "ms_per_step <median>".
Run with Debian's PyTorch: /usr/bin/python3 bench/pytorch/step_bench.py --batch 8 --size 128
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class UNetGenerator(nn.Module):
    def __init__(self, in_ch, out_ch, width, depth):
        super().__init__()
        widths = [width << min(level, 3) for level in range(depth)]
        down = [nn.Sequential(nn.Conv2d(in_ch, widths[0], 4, 2, 1), nn.LeakyReLU(0.2))]
        for level in range(1, depth):
            down.append(nn.Sequential(nn.Conv2d(widths[level - 1], widths[level], 4, 2, 1, bias=False),
                                      nn.BatchNorm2d(widths[level]), nn.LeakyReLU(0.2)))
        up = []
        for level in range(depth - 1, 0, -1):
            inp = widths[level] if level == depth - 1 else widths[level] * 2
            up.append(nn.Sequential(nn.ConvTranspose2d(inp, widths[level - 1], 4, 2, 1, bias=False),
                                    nn.BatchNorm2d(widths[level - 1]), nn.ReLU()))
        self.down = nn.ModuleList(down)
        self.up = nn.ModuleList(up)
        self.outermost = nn.ConvTranspose2d(widths[0] * 2, out_ch, 4, 2, 1)

    def forward(self, x):
        skips = []
        for block in self.down:
            x = block(x)
            skips.append(x)
        for k, block in enumerate(self.up):
            x = block(skips[-1] if k == 0 else torch.cat([x, skips[-(k + 1)]], 1))
        return torch.tanh(self.outermost(torch.cat([x, skips[0]], 1)))


def patch_discriminator(in_ch, w):
    return nn.Sequential(
        nn.Conv2d(in_ch, w, 4, 2, 1), nn.LeakyReLU(0.2),
        nn.Conv2d(w, w * 2, 4, 2, 1, bias=False), nn.BatchNorm2d(w * 2), nn.LeakyReLU(0.2),
        nn.Conv2d(w * 2, w * 4, 4, 2, 1, bias=False), nn.BatchNorm2d(w * 4), nn.LeakyReLU(0.2),
        nn.Conv2d(w * 4, w * 8, 4, 1, 1, bias=False), nn.BatchNorm2d(w * 8), nn.LeakyReLU(0.2),
        nn.Conv2d(w * 8, 1, 4, 1, 1))


def main():
    p = argparse.ArgumentParser()
    for name, default in [("batch", 8), ("size", 128), ("steps", 20), ("warmup", 3), ("threads", 0), ("width", 32), ("depth", 4)]:
        p.add_argument("--" + name, type=int, default=default)
    a = p.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    g = UNetGenerator(3, 3, a.width, a.depth)
    d = patch_discriminator(6, a.width)
    opt_g = torch.optim.Adam(g.parameters(), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(d.parameters(), lr=2e-4, betas=(0.5, 0.999))
    x = torch.randn(a.batch, 3, a.size, a.size)
    y = torch.tanh(torch.randn(a.batch, 3, a.size, a.size))

    def step():
        fake = g(x)
        opt_d.zero_grad(set_to_none=True)
        pred_fake = d(torch.cat([x, fake.detach()], 1))
        pred_real = d(torch.cat([x, y], 1))
        loss_d = (F.binary_cross_entropy_with_logits(pred_fake, torch.zeros_like(pred_fake)) +
                  F.binary_cross_entropy_with_logits(pred_real, torch.ones_like(pred_real))) * 0.5
        loss_d.backward()
        opt_d.step()
        opt_g.zero_grad(set_to_none=True)
        pred_g = d(torch.cat([x, fake], 1))
        loss_g = F.binary_cross_entropy_with_logits(pred_g, torch.ones_like(pred_g)) + F.l1_loss(fake, y) * 100.0
        loss_g.backward()
        opt_g.step()

    for _ in range(a.warmup):
        step()
    times = []
    for _ in range(a.steps):
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1000.0)
    times.sort()
    print("ms_per_step %.3f" % times[len(times) // 2])


if __name__ == "__main__":
    main()
