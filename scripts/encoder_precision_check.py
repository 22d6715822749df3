"""Compare the shipped int8 encoder with the same weights computed in fp32.

The int8 encoder's probabilities move a little with the CPU (onnxruntime's integer
kernels differ by instruction set); computing the dequantised int8 weights in fp32 does
not. This rewrites each MatMulInteger (with its Cast and scale Mul) as DequantizeLinear
of the int8 weights followed by a float MatMul, in a temporary copy of the model folder,
and reports on `plv_train`'s first sentences: top-type agreement, probability shifts,
and sentences per second one at a time. README "Known limits" quotes its output.

    .venv/bin/pip install onnx && .venv/bin/python scripts/encoder_precision_check.py
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from thucydides.events.classifier import ENCODER_FILE, MODEL_DIR, EventTypeModel

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def fp32_graph(src: Path, dst: Path) -> int:
    """Write the fp32-compute rewrite of `src` to `dst`; the number of MatMuls rewritten."""
    import onnx
    from onnx import helper

    model = onnx.load(str(src))
    graph = model.graph
    made_by = {out: node for node in graph.node for out in node.output}
    users: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    replace: dict[str, list] = {}
    dropped: set[str] = set()
    for node in graph.node:
        if node.op_type != "MatMulInteger":
            continue
        x_q, w_q, _, w_zero = node.input
        cast = users[node.output[0]][0]
        scale_mul = users[cast.output[0]][0]
        scales = next(i for i in scale_mul.input if i != cast.output[0])
        quantize = made_by[x_q]  # DynamicQuantizeLinear of the float activations
        w_scale = next(i for i in made_by[scales].input if i != quantize.output[1])
        weights = f"{w_q}_fp32"
        replace[node.name] = [
            helper.make_node("DequantizeLinear", [w_q, w_scale, w_zero], [weights]),
            helper.make_node("MatMul", [quantize.input[0], weights], [scale_mul.output[0]]),
        ]
        dropped |= {cast.name, scale_mul.name}
    nodes = []
    for node in graph.node:
        if node.name in replace:
            nodes.extend(replace[node.name])
        elif node.name not in dropped:
            nodes.append(node)
    outputs = {o.name for o in graph.output}
    while True:  # prune what no longer feeds an output (the quantisers, the scale Muls)
        used = {i for node in nodes for i in node.input} | outputs
        live = [node for node in nodes if any(o in used for o in node.output)]
        if len(live) == len(nodes):
            break
        nodes = live
    del graph.node[:]
    graph.node.extend(nodes)
    onnx.checker.check_model(model)
    onnx.save(model, str(dst))
    return len(replace)


def timed(model: EventTypeModel, texts: list[str]) -> tuple[np.ndarray, float]:
    start = time.perf_counter()
    probs = np.vstack([model.predict_proba([t]) for t in texts])  # one sentence per run
    return probs, len(texts) / (time.perf_counter() - start)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--limit", type=int, default=1500)
    args = parser.parse_args(argv)
    gold = args.shared / "eval" / "plv_train.jsonl"
    if not gold.exists():
        print(f"encoder_precision_check: {gold} is missing (give --shared)", file=sys.stderr)
        return 2
    with gold.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in itertools.islice(fh, args.limit)]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for item in MODEL_DIR.iterdir():
            if item.name != ENCODER_FILE and item.is_file():
                shutil.copy(item, folder / item.name)
        rewritten = fp32_graph(MODEL_DIR / ENCODER_FILE, folder / ENCODER_FILE)
        int8, int8_rate = timed(EventTypeModel(MODEL_DIR), texts)
        fp32, fp32_rate = timed(EventTypeModel(folder), texts)
    shift = np.abs(int8 - fp32)
    print(f"{len(texts)} sentences, {rewritten} MatMuls in fp32")
    print(f"top type agreement {np.mean(int8.argmax(1) == fp32.argmax(1)):.3f}")
    print(f"probability shift mean {shift.mean():.4f}, max {shift.max():.3f}")
    print(f"sentences/s one at a time: int8 {int8_rate:.0f}, fp32 {fp32_rate:.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
