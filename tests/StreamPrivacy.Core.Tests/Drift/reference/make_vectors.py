#!/usr/bin/env python3
"""Known-answer vectors for the C# drift metrics (DESIGN §4), stdlib only.

numpy/scipy are not installable here, so this re-implements, independently of the C# code:
numpy.quantile (method='linear', with numpy's _lerp), numpy.unique, numpy.std (ddof=0),
scipy.spatial.distance.jensenshannon(base=2), scipy.stats.wasserstein_distance (the generic
_cdf_distance on weighted points) and scipy.stats.chi2.sf (regularized upper incomplete gamma).
Cross-checks: statistics.quantiles(method='inclusive') (also type 7) and, for integer shape,
the closed-form Poisson sum for the chi2 survival function.

Writes datasets.json (the samples, read by the C# tests) and prints the expected values as C#.
Usage: python3 make_vectors.py > expected.txt
"""
import bisect
import json
import math
import random
import statistics

FLOOR = 1e-4


def lerp(a, b, t):  # numpy.lib._function_base_impl._lerp
    d = b - a
    return b - d * (1 - t) if t >= 0.5 else a + d * t


def quantile7(xs, p):
    n = len(xs)
    h = (n - 1) * p
    lo = math.floor(h)
    hi = min(lo + 1, n - 1)
    return lerp(xs[lo], xs[hi], h - lo)


def edges_of(sample, b):
    xs = sorted(sample)
    q = [quantile7(xs, k / b) for k in range(1, b)]
    if len(xs) >= 2:
        check = statistics.quantiles(xs, n=b, method="inclusive")
        for a, c in zip(q, check):
            assert abs(a - c) <= 1e-12 * max(1.0, abs(a)), (a, c)
    return sorted(set(q))


def pstd(xs):
    mean = sum(xs) / len(xs)
    s = math.sqrt(sum((x - mean) ** 2 for x in xs) / len(xs))
    assert abs(s - statistics.pstdev(xs)) <= 1e-12 * max(1.0, s)
    return s


def bin_numeric(edges, xs):
    counts = [0] * (len(edges) + 1)
    for x in xs:
        counts[bisect.bisect_right(edges, x)] += 1
    return counts


def bin_categorical(cats, xs):
    index = {c: i for i, c in enumerate(cats)}
    counts = [0] * (len(cats) + 1)
    for x in xs:
        counts[index.get(x, len(cats))] += 1
    return counts


def props(counts, floored):
    cl = [max(0, c) for c in counts]
    t = sum(cl)
    p = [c / t for c in cl]
    return [FLOOR if floored and v == 0 else v for v in p]


def psi(r, c):
    r, c = props(r, True), props(c, True)
    return sum((ci - ri) * math.log(ci / ri) for ri, ci in zip(r, c))


def kl(r, c):
    r, c = props(r, True), props(c, True)
    return sum(ci * math.log(ci / ri) for ri, ci in zip(r, c))


def rel_entr(x, y):
    if x > 0 and y > 0:
        return x * math.log(x / y)
    if x == 0 and y >= 0:
        return 0.0
    return math.inf


def jensenshannon(p, q):  # scipy.spatial.distance.jensenshannon(p, q, base=2)
    p = [v / sum(p) for v in p]
    q = [v / sum(q) for v in q]
    m = [(a + b) / 2.0 for a, b in zip(p, q)]
    left = sum(rel_entr(a, b) for a, b in zip(p, m))
    right = sum(rel_entr(a, b) for a, b in zip(q, m))
    js = (left + right) / math.log(2)
    return math.sqrt(js / 2.0)


def ks(r, c):
    r, c = props(r, False), props(c, False)
    best, cr, cc = 0.0, 0.0, 0.0
    for a, b in zip(r, c):
        cr += a
        cc += b
        best = max(best, abs(cr - cc))
    return best


def wasserstein(u_values, v_values, u_weights, v_weights):  # scipy.stats._stats_py._cdf_distance(p=1)
    u_sorter = sorted(range(len(u_values)), key=lambda i: u_values[i])
    v_sorter = sorted(range(len(v_values)), key=lambda i: v_values[i])
    all_values = sorted(list(u_values) + list(v_values))
    deltas = [all_values[i + 1] - all_values[i] for i in range(len(all_values) - 1)]
    us = [u_values[i] for i in u_sorter]
    vs = [v_values[i] for i in v_sorter]
    ucum, acc = [0.0], 0.0
    for i in u_sorter:
        acc += u_weights[i]
        ucum.append(acc)
    vcum, acc = [0.0], 0.0
    for i in v_sorter:
        acc += v_weights[i]
        vcum.append(acc)
    total = 0.0
    for k, x in enumerate(all_values[:-1]):
        ui = bisect.bisect_right(us, x)
        vi = bisect.bisect_right(vs, x)
        total += abs(ucum[ui] / ucum[-1] - vcum[vi] / vcum[-1]) * deltas[k]
    return total


def bin_points(edges):
    k = len(edges)
    return [edges[0]] + [(edges[i - 1] + edges[i]) / 2 for i in range(1, k)] + [edges[-1]]


def wasserstein_norm(edges, r, c, std):
    if std == 0:
        return None
    pts = bin_points(edges)
    return wasserstein(pts, pts, props(r, False), props(c, False)) / std


def gamma_q(a, x):
    """Regularized upper incomplete gamma Q(a, x) (Numerical Recipes gser / gcf)."""
    if x <= 0:
        return 1.0
    gln = math.lgamma(a)
    if x < a + 1:
        ap, s, d = a, 1.0 / a, 1.0 / a
        for _ in range(100000):
            ap += 1
            d *= x / ap
            s += d
            if abs(d) < abs(s) * 1e-17:
                break
        return 1.0 - s * math.exp(-x + a * math.log(x) - gln)
    tiny = 1e-300
    b = x + 1 - a
    c = 1 / tiny
    d = 1 / b
    h = d
    for i in range(1, 100000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-17:
            break
    return math.exp(-x + a * math.log(x) - gln) * h


def chi2_sf(x, df):
    q = gamma_q(df / 2, x / 2)
    if df % 2 == 0:  # closed form for integer shape: e^{-x/2} sum_{i<k} (x/2)^i / i!
        k, y = df // 2, x / 2
        closed = math.exp(-y) * sum(y ** i / math.factorial(i) for i in range(k))
        assert abs(q - closed) <= 1e-10 * max(closed, 1e-300) or abs(q - closed) < 1e-300, (q, closed)
    return q


def chi2(r, c):
    rf = props(r, True)
    o = [max(0, v) for v in c]
    n = sum(o)
    stat = sum((oi - ri * n) ** 2 / (ri * n) for oi, ri in zip(o, rf))
    return stat, chi2_sf(stat, len(r) - 1)


def rnd(xs):
    return [round(x, 6) for x in xs]


def datasets():
    g = random.Random(20261123)
    ds = {}
    ds["normal_shift"] = dict(kind="numeric", bins=10,
                              reference=rnd(g.gauss(0, 1) for _ in range(5000)),
                              current=rnd(g.gauss(0.5, 1.2) for _ in range(3000)))
    same = rnd(g.gauss(10, 2) for _ in range(1000))
    ds["identical_numeric"] = dict(kind="numeric", bins=10, reference=same, current=list(same))
    dup = [0.0] * 600 + [1.0] * 200 + rnd(g.uniform(1, 5) for _ in range(200))
    g.shuffle(dup)
    ds["heavy_duplicates"] = dict(kind="numeric", bins=10, reference=dup,
                                  current=[0.0] * 300 + [1.0] * 300 + rnd(g.uniform(0, 6) for _ in range(400)))
    ds["tiny"] = dict(kind="numeric", bins=10, reference=[3.0, 1.0, 2.0], current=[0.5, 2.0, 2.0, 5.0])
    ds["zero_bins_current"] = dict(kind="numeric", bins=10,
                                   reference=rnd(g.gauss(0, 1) for _ in range(2000)),
                                   current=rnd(g.gauss(3, 0.3) for _ in range(500)))
    ds["single_edge"] = dict(kind="numeric", bins=10, reference=[0.0] * 950 + [1.0] * 50,
                             current=[-1.0] * 100 + [0.0] * 600 + [1.0] * 300)
    ds["quartiles_b4"] = dict(kind="numeric", bins=4, reference=rnd(g.expovariate(1.0) for _ in range(777)),
                              current=rnd(g.expovariate(0.7) for _ in range(555)))
    cats = ["DE", "FR", "NL", "PL", "US"]
    ds["categorical_shift"] = dict(kind="categorical", bins=None,
                                   reference=g.choices(cats, weights=[40, 25, 15, 10, 10], k=4000),
                                   current=g.choices(cats + ["BR", "JP"], weights=[30, 30, 5, 0, 20, 10, 5], k=2500))
    same_c = g.choices(["a", "b", "c"], weights=[5, 3, 2], k=600)
    ds["identical_categorical"] = dict(kind="categorical", bins=None, reference=same_c, current=list(same_c))
    ds["disjoint_categories"] = dict(kind="categorical", bins=None,
                                     reference=["a"] * 50 + ["b"] * 30 + ["c"] * 20,
                                     current=["x"] * 70 + ["y"] * 30)
    return ds


def literal(v):
    return "null" if v is None else repr(float(v))


def main():
    ds = datasets()
    with open("datasets.json", "w") as f:
        json.dump(ds, f, separators=(",", ":"))
        f.write("\n")
    for name, d in ds.items():
        if d["kind"] == "numeric":
            edges = edges_of(d["reference"], d["bins"])
            r = bin_numeric(edges, d["reference"])
            c = bin_numeric(edges, d["current"])
            std = pstd(d["reference"])
            vals = dict(psi=psi(r, c), kl=kl(r, c), js=jensenshannon(props(r, False), props(c, False)),
                        ks=ks(r, c), wass=wasserstein_norm(edges, r, c, std), chi2=None, chi2p=None)
        else:
            cats = sorted(set(d["reference"]))
            edges, std = [], None
            r = bin_categorical(cats, d["reference"])
            c = bin_categorical(cats, d["current"])
            stat, p = chi2(r, c)
            vals = dict(psi=psi(r, c), kl=kl(r, c), js=jensenshannon(props(r, False), props(c, False)),
                        ks=None, wass=None, chi2=stat, chi2p=p)
        print(f'// {name}: edges={[repr(e) for e in edges]} std={std!r}')
        print(f'//   reference counts={r} current counts={c}')
        print(f'["{name}"] = new Expected(' + ", ".join(literal(vals[k]) for k in
              ["psi", "kl", "js", "ks", "wass", "chi2", "chi2p"]) + "),")
    # Metric-level vectors on explicit (noisy) count vectors.
    noisy_r, noisy_c = [120, 80, 0, 50], [100, -7, 30, 60]
    print("// noisy counts r=", noisy_r, "c=", noisy_c)
    print("psi", repr(psi(noisy_r, noisy_c)), "kl", repr(kl(noisy_r, noisy_c)),
          "js", repr(jensenshannon(props(noisy_r, False), props(noisy_c, False))), "ks", repr(ks(noisy_r, noisy_c)))
    print("chi2", [repr(v) for v in chi2(noisy_r, noisy_c)])
    print("chi2 sf(400, 3)", repr(chi2_sf(400.0, 3)), "chi2 sf(200, 10)", repr(chi2_sf(200.0, 10)),
          "chi2 sf(0.5, 7)", repr(chi2_sf(0.5, 7)))


if __name__ == "__main__":
    main()
