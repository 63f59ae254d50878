"""Generate golden values for the reference library with an independent framework (PyTorch, CPU).

Run ONCE with a separate virtualenv that has torch (never needed at test time):

    /work/torchenv/bin/python tests/golden/make_golden.py

It writes ``tests/golden/golden.npz`` (inputs + expected outputs, float64) that
``tests/test_golden.py`` compares against ``solutions`` using NumPy only.
Inputs are generated with a seeded ``numpy.random.default_rng``; every output is
computed by torch on float64 tensors (gradients via autograd).

Convention differences between torch and COURSE_API.md, and how they are bridged
-------------------------------------------------------------------------------
softmax
    ``torch.softmax(z, dim)`` on 1-D and 2-D inputs, ``dim=-1`` and ``dim=0``,
    including rows of magnitude 1e3..1e4 (torch is max-shifted and stable).
    Our ``softmax(z, axis)`` has the same meaning; no bridging needed.
sigmoid
    ``torch.sigmoid`` for |x| up to 1e4 (our stable ``sigmoid``), and its
    derivative via autograd (our ``sigmoid_grad``).
binary_cross_entropy (probabilities)
    ``F.binary_cross_entropy(p, y, reduction="mean")``. Torch clamps each
    log term to >= -100, while our contract clips p to [eps, 1 - eps] with
    eps = 1e-12. The two only disagree when p is within ~1e-12 of 0 or 1, so
    the golden p are drawn from [0.01, 0.99] where neither clamp is active and
    both compute the plain mean of -(y log p + (1 - y) log(1 - p)).
    The gradient wrt p (our ``binary_cross_entropy_grad``) is taken by autograd;
    torch's backward divides by max(p(1 - p), 1e-12), again inactive here.
bce_with_logits
    ``F.binary_cross_entropy_with_logits(z, y, reduction="mean")`` with |z| up
    to 1e4; its autograd gradient wrt z equals our (sigmoid(z) - y)/N.
categorical_cross_entropy
    ``F.nll_loss(torch.log(p), labels)`` (mean) for probabilities p (rows of a
    softmax, far from 0, so our eps clip is inactive) and integer labels; the
    same expected value is used for the one-hot form of the labels.
softmax_cross_entropy
    ``F.cross_entropy(logits, labels)`` (mean) with dlogits via autograd, which
    is exactly our (softmax - onehot)/m. Includes logits of magnitude 1e3..1e4.
momentum
    ``torch.optim.SGD(lr, momentum=beta, dampening=0, nesterov=False)`` updates
    buf <- beta*buf + g (buf = g on the first step, i.e. buf starts at 0);
    p <- p - lr*buf. That IS our heavy-ball form v <- beta v + dw; w <- w - lr v.
adam
    ``torch.optim.Adam(lr, betas=(b1, b2), eps)`` computes
    m <- b1 m + (1-b1) g; v <- b2 v + (1-b2) g^2;
    w <- w - lr * m_hat / (sqrt(v_hat) + eps) with m_hat = m/(1-b1^t),
    v_hat = v/(1-b2^t): eps is added AFTER the square root of the bias-corrected
    v, which is our convention. One setting uses a large eps (0.1) so a wrong eps
    placement is visible.
    Optimizer trajectories: f(w) = 0.5 w^T A w - b^T w with fixed symmetric
    positive definite A and fixed b; at every step the gradient is computed in
    NumPy as ``A @ w - b`` (and assigned to ``param.grad``) so the test can use
    the very same grad_fn; trajectories have shape (steps + 1, d) and start at w0.
    A second set of trajectories uses a fixed sequence of precomputed gradients
    (independent of w) to test the raw update arithmetic.
batchnorm
    ``F.batch_norm(x, running_mean, running_var, gamma, beta, training=True,
    momentum=0.1, eps=1e-5)``; dx, dgamma, dbeta via autograd of
    ``(out * dout).sum()``.
    Momentum: torch updates running = (1 - mom_t) running + mom_t batch, so our
    momentum = 0.9 corresponds to torch momentum = 0.1 (our mom = 1 - mom_t).
    Running variance: torch uses the UNBIASED batch variance u = s2 * m/(m-1),
    our contract the BIASED s2. With a constant batch size m and a start value
    r0 (ones), after T steps
        torch_T = c^T r0 + sum_t (1-c) c^(T-t) u_t,
        ours_T  = c^T r0 + sum_t (1-c) c^(T-t) u_t (m-1)/m,    c = our momentum,
    hence ours_T = c^T r0 + (m-1)/m * (torch_T - c^T r0). This exact affine
    conversion is applied to torch's own running_var after each step; the raw
    torch running_var is stored too (``bn*_running_var_torch``). The running mean
    needs no conversion.
    Eval mode: ``F.batch_norm(..., training=False)`` on a fresh batch with the
    converted (our-convention) running statistics.
"""

from __future__ import annotations

import os

import numpy as np
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden.npz")


def t(a, grad=False):
    return torch.tensor(np.asarray(a, dtype=np.float64), dtype=torch.float64, requires_grad=grad)


def n(x):
    return x.detach().cpu().numpy().astype(np.float64)


def activations_cases(rng, g):
    # softmax 1-D
    z1 = rng.normal(0.0, 2.0, size=7)
    g["softmax_1d_x"] = z1
    g["softmax_1d_out"] = n(torch.softmax(t(z1), dim=-1))
    # softmax 1-D with huge magnitude
    z1l = np.array([1e4, -1e4, 9999.0, 0.0, -5e3, 1e4 - 0.5])
    g["softmax_1d_large_x"] = z1l
    g["softmax_1d_large_out"] = n(torch.softmax(t(z1l), dim=-1))
    # softmax 2-D: ordinary rows + large-magnitude rows
    z2 = rng.normal(0.0, 3.0, size=(6, 5))
    z2[3] = rng.uniform(1e3, 1e4, size=5) * rng.choice([-1.0, 1.0], size=5)
    z2[4] = 1e4 + rng.normal(0.0, 1.0, size=5)
    z2[5] = -1e4 + rng.normal(0.0, 1.0, size=5)
    g["softmax_2d_x"] = z2
    g["softmax_2d_axis_last_out"] = n(torch.softmax(t(z2), dim=-1))
    # axis 0: columns mix ordinary and huge values
    g["softmax_2d_axis0_out"] = n(torch.softmax(t(z2), dim=0))

    # sigmoid incl. |x| up to 1e4 and its derivative (autograd)
    xs = np.concatenate([rng.normal(0.0, 3.0, size=10),
                         [0.0, 30.0, -30.0, 700.0, -700.0, 710.0, -710.0, 1e3, -1e3, 1e4, -1e4]])
    xt = t(xs, grad=True)
    s = torch.sigmoid(xt)
    s.sum().backward()
    g["sigmoid_x"] = xs
    g["sigmoid_out"] = n(s)
    g["sigmoid_grad_out"] = n(xt.grad)


def losses_cases(rng, g):
    # BCE on probabilities, p away from 0/1 (neither clamp is active)
    m = 12
    y = rng.integers(0, 2, size=m).astype(np.float64)
    p = rng.uniform(0.01, 0.99, size=m)
    pt = t(p, grad=True)
    loss = F.binary_cross_entropy(pt, t(y), reduction="mean")
    loss.backward()
    g["bce_y"] = y
    g["bce_p"] = p
    g["bce_loss"] = np.array(loss.item())
    g["bce_grad"] = n(pt.grad)

    # BCE with logits, |z| up to 1e4
    z = np.concatenate([rng.normal(0.0, 3.0, size=8),
                        [1e4, -1e4, 1e4, -1e4, 1e3, -1e3, 50.0, -50.0, 0.0, 710.0, -710.0]])
    y = rng.integers(0, 2, size=z.size).astype(np.float64)
    zt = t(z, grad=True)
    loss = F.binary_cross_entropy_with_logits(zt, t(y), reduction="mean")
    loss.backward()
    g["bcel_y"] = y
    g["bcel_z"] = z
    g["bcel_loss"] = np.array(loss.item())
    g["bcel_grad"] = n(zt.grad)

    # categorical cross-entropy on probabilities with integer labels
    m, k = 10, 4
    logits = rng.normal(0.0, 1.5, size=(m, k))
    p = n(torch.softmax(t(logits), dim=-1))  # rows well inside (0, 1)
    labels = rng.integers(0, k, size=m)
    loss = F.nll_loss(torch.log(t(p)), torch.tensor(labels, dtype=torch.long), reduction="mean")
    g["cce_p"] = p
    g["cce_labels"] = labels.astype(np.int64)
    g["cce_onehot"] = np.eye(k)[labels]
    g["cce_loss"] = np.array(loss.item())

    # softmax cross-entropy from logits: (loss, dlogits)
    for name, lg in (("sce", rng.normal(0.0, 2.0, size=(9, 5))),
                     ("sce_large", _large_logits(rng))):
        labels = rng.integers(0, lg.shape[1], size=lg.shape[0])
        lt = t(lg, grad=True)
        loss = F.cross_entropy(lt, torch.tensor(labels, dtype=torch.long), reduction="mean")
        loss.backward()
        g[f"{name}_logits"] = lg
        g[f"{name}_labels"] = labels.astype(np.int64)
        g[f"{name}_loss"] = np.array(loss.item())
        g[f"{name}_dlogits"] = n(lt.grad)


def _large_logits(rng):
    lg = rng.normal(0.0, 1.0, size=(6, 4))
    lg[0] = [1e4, -1e4, 0.0, 5e3]
    lg[1] = [-1e4, -1e4 + 1.0, -1e4 + 2.0, -1e4 + 0.5]
    lg[2] = [1e3, 1e3, -1e3, 999.0]
    lg[3] = rng.uniform(-1e4, 1e4, size=4)
    return lg


def quadratic(rng, d):
    q, _ = np.linalg.qr(rng.normal(size=(d, d)))
    lam = np.linspace(0.5, 5.0, d)
    a = q @ np.diag(lam) @ q.T
    a = 0.5 * (a + a.T)
    b = rng.normal(size=d)
    return a, b


def torch_trajectory(make_opt, w0, grad_of, steps):
    """Run a torch optimizer; grad_of(k, w_numpy) supplies the gradient at step k."""
    p = torch.nn.Parameter(t(w0))
    opt = make_opt([p])
    traj = [n(p).copy()]
    for k in range(steps):
        opt.zero_grad()
        p.grad = t(grad_of(k, n(p)))
        opt.step()
        traj.append(n(p).copy())
    return np.stack(traj)


def optimizer_cases(rng, g):
    d, steps = 5, 50
    a, b = quadratic(rng, d)
    w0 = rng.normal(0.0, 2.0, size=d)
    gseq = rng.normal(0.0, 1.0, size=(steps, d)) * np.linspace(3.0, 0.1, steps)[:, None]
    g["opt_A"] = a
    g["opt_b"] = b
    g["opt_w0"] = w0
    g["opt_steps"] = np.array(steps)
    g["opt_grad_seq"] = gseq

    quad_grad = lambda k, w: a @ w - b  # noqa: E731  (same expression as the test)
    seq_grad = lambda k, w: gseq[k]  # noqa: E731

    momentum_settings = [(0.05, 0.9), (0.1, 0.5), (0.01, 0.99)]
    g["momentum_hyper"] = np.array(momentum_settings)  # columns: lr, beta
    for i, (lr, beta) in enumerate(momentum_settings):
        mk = lambda ps: torch.optim.SGD(ps, lr=lr, momentum=beta, dampening=0.0,  # noqa: E731
                                        nesterov=False, weight_decay=0.0, foreach=False)
        g[f"momentum_{i}_quad_traj"] = torch_trajectory(mk, w0, quad_grad, steps)
        g[f"momentum_{i}_seq_traj"] = torch_trajectory(mk, w0, seq_grad, steps)

    adam_settings = [(1e-3, 0.9, 0.999, 1e-8), (0.1, 0.9, 0.999, 1e-8),
                     (0.05, 0.8, 0.99, 1e-6), (0.2, 0.5, 0.9, 0.1)]
    g["adam_hyper"] = np.array(adam_settings)  # columns: lr, beta1, beta2, eps
    for i, (lr, b1, b2, eps) in enumerate(adam_settings):
        mk = lambda ps: torch.optim.Adam(ps, lr=lr, betas=(b1, b2), eps=eps,  # noqa: E731
                                         weight_decay=0.0, amsgrad=False, foreach=False)
        g[f"adam_{i}_quad_traj"] = torch_trajectory(mk, w0, quad_grad, steps)
        g[f"adam_{i}_seq_traj"] = torch_trajectory(mk, w0, seq_grad, steps)


def batchnorm_cases(rng, g):
    for name, ours_mom, m, d, nsteps in (("bn", 0.9, 16, 4, 3), ("bn2", 0.75, 8, 3, 2)):
        torch_mom = 1.0 - ours_mom
        gamma = rng.uniform(0.5, 2.0, size=d)
        beta = rng.normal(0.0, 1.0, size=d)
        loc = rng.normal(0.0, 5.0, size=d)
        scale = rng.uniform(0.5, 3.0, size=d)
        xs = loc + scale * rng.normal(size=(nsteps, m, d))
        douts = rng.normal(size=(nsteps, m, d))
        r0_mean, r0_var = np.zeros(d), np.ones(d)
        rm, rv = t(r0_mean), t(r0_var)
        outs, dxs, dgs, dbs, rms, rvs, rvs_torch = [], [], [], [], [], [], []
        for step in range(nsteps):
            xt = t(xs[step], grad=True)
            gt, bt = t(gamma, grad=True), t(beta, grad=True)
            out = F.batch_norm(xt, rm, rv, weight=gt, bias=bt, training=True,
                               momentum=torch_mom, eps=1e-5)
            (out * t(douts[step])).sum().backward()
            outs.append(n(out))
            dxs.append(n(xt.grad))
            dgs.append(n(gt.grad))
            dbs.append(n(bt.grad))
            rms.append(n(rm).copy())
            rv_t = n(rv).copy()
            rvs_torch.append(rv_t)
            c_t = ours_mom ** (step + 1)
            rvs.append(c_t * r0_var + (m - 1) / m * (rv_t - c_t * r0_var))
        # eval mode on a fresh batch with our-convention running statistics
        x_eval = loc + scale * rng.normal(size=(m, d))
        out_eval = F.batch_norm(t(x_eval), t(rms[-1]), t(rvs[-1]), weight=t(gamma),
                                bias=t(beta), training=False, eps=1e-5)
        g[f"{name}_momentum"] = np.array(ours_mom)
        g[f"{name}_eps"] = np.array(1e-5)
        g[f"{name}_gamma"] = gamma
        g[f"{name}_beta"] = beta
        g[f"{name}_x"] = xs
        g[f"{name}_dout"] = douts
        g[f"{name}_out"] = np.stack(outs)
        g[f"{name}_dx"] = np.stack(dxs)
        g[f"{name}_dgamma"] = np.stack(dgs)
        g[f"{name}_dbeta"] = np.stack(dbs)
        g[f"{name}_running_mean"] = np.stack(rms)
        g[f"{name}_running_var"] = np.stack(rvs)
        g[f"{name}_running_var_torch"] = np.stack(rvs_torch)
        g[f"{name}_eval_x"] = x_eval
        g[f"{name}_eval_out"] = n(out_eval)


def main():
    rng = np.random.default_rng(20240601)
    g: dict[str, np.ndarray] = {}
    activations_cases(rng, g)
    losses_cases(rng, g)
    optimizer_cases(rng, g)
    batchnorm_cases(rng, g)
    g["meta_torch_version"] = np.array(torch.__version__)
    g["meta_numpy_version"] = np.array(np.__version__)
    np.savez_compressed(OUT, **g)
    print(f"wrote {OUT}: {len(g)} arrays, {os.path.getsize(OUT)} bytes")


if __name__ == "__main__":
    main()
