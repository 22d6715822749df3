"""Make the int8 encoder's dynamic quantisation per sentence instead of per batch.

onnxruntime's DynamicQuantizeLinear takes one scale and zero point for the whole
activation tensor, so in a batch a sentence's result depends on its batch-mates (on five
sentences of equal length, logits moved by up to 0.29). This rewrite computes them per
batch row (ReduceMin/ReduceMax over every axis but the first, then the same formula) and
applies the row's zero point after an integer MatMul without one:
(x_q - zp) (W_q - w_zp) = x_q (W_q - w_zp) - zp * colsum(W_q - w_zp), exact in int32.
The sum over tokens of mean pooling becomes a per-row MatMul with the mask (ReduceSum's
order of summation depends on the batch size). Rows of equal length then give the same
logits to the bit in any batch and order; at batch 1 they are within 1e-6 of the shipped
model's (probabilities within 3e-7).

Not shipped: measured on 2 busy cores, the unfused per-row graph runs one sentence at
128-229/s against the shipped (fused) graph's 184-331/s, and equal-length batches of 16
at 181-308/s, no faster than the shipped graph one sentence at a time; news gives few
sentences of one token length per pipe batch. Kept to reproduce that measurement.

    .venv/bin/pip install onnx && .venv/bin/python scripts/per_row_quant.py IN.onnx OUT.onnx
"""

from __future__ import annotations

import argparse
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper, shape_inference


def rewrite(model: onnx.ModelProto) -> onnx.ModelProto:
    graph = model.graph
    inferred = shape_inference.infer_shapes(model).graph
    rank = {
        v.name: len(v.type.tensor_type.shape.dim)
        for v in list(inferred.value_info) + list(inferred.input) + list(inferred.output)
        if v.type.tensor_type.HasField("shape")
    }
    inits = {i.name: i for i in graph.initializer}
    for n in graph.node:  # constants made by Constant nodes count as initializers here
        if n.op_type == "Constant" and n.attribute and n.attribute[0].name == "value":
            inits.setdefault(n.output[0], n.attribute[0].t)
    consts: list[onnx.TensorProto] = []

    def const(name: str, value: np.ndarray) -> str:
        consts.append(numpy_helper.from_array(value, name))
        return name

    zero = const("rowq_zero", np.array(0.0, np.float32))
    q_max = const("rowq_255", np.array(255.0, np.float32))
    zp_of: dict[str, str] = {}  # a DQL's zero-point output -> its per-row float zero point
    nodes: list[onnx.NodeProto] = []
    for n in graph.node:
        if n.op_type != "DynamicQuantizeLinear":
            nodes.append(n)
            continue
        x, (q, scale, zp) = n.input[0], n.output
        axes = list(range(1, rank[x]))
        p = x + "_rowq"
        nodes += [
            helper.make_node("ReduceMax", [x], [p + "_max"], axes=axes, keepdims=1),
            helper.make_node("ReduceMin", [x], [p + "_min"], axes=axes, keepdims=1),
            helper.make_node("Max", [p + "_max", zero], [p + "_max0"]),
            helper.make_node("Min", [p + "_min", zero], [p + "_min0"]),
            helper.make_node("Sub", [p + "_max0", p + "_min0"], [p + "_range"]),
            helper.make_node("Div", [p + "_range", q_max], [scale]),
            helper.make_node("Div", [p + "_min0", scale], [p + "_minq"]),
            helper.make_node("Sub", [zero, p + "_minq"], [p + "_zpi"]),
            helper.make_node("Clip", [p + "_zpi", zero, q_max], [p + "_zps"]),
            helper.make_node("Round", [p + "_zps"], [p + "_zpf"]),
            helper.make_node("Cast", [p + "_zpf"], [zp], to=TensorProto.UINT8),
            helper.make_node("Cast", [p + "_zpf"], [p + "_zp32"], to=TensorProto.INT32),
            helper.make_node("Div", [x, scale], [p + "_xs"]),
            helper.make_node("Round", [p + "_xs"], [p + "_xr"]),
            helper.make_node("Add", [p + "_xr", p + "_zpf"], [p + "_xz"]),
            helper.make_node("Clip", [p + "_xz", zero, q_max], [p + "_xc"]),
            helper.make_node("Cast", [p + "_xc"], [q], to=TensorProto.UINT8),
        ]
        zp_of[zp] = p + "_zp32"
    out: list[onnx.NodeProto] = []
    for n in nodes:
        if n.op_type == "ReduceSum" and rank.get(n.input[0]) == 3 and _axes(n, inits) == [1]:
            out += _pool_by_matmul(n)
            continue
        if n.op_type != "MatMulInteger" or n.input[2] not in zp_of:
            out.append(n)
            continue
        a, w, azp, wzp = n.input
        w_q = numpy_helper.to_array(inits[w]).astype(np.int32)
        w_zp = numpy_helper.to_array(inits[wzp]).astype(np.int32) if wzp else 0
        colsum = const(w + "_rowq_colsum", (w_q - w_zp).sum(axis=0).astype(np.int32))
        y = n.output[0]
        out += [
            helper.make_node("MatMulInteger", [a, w, "", wzp], [y + "_rowq_raw"]),
            helper.make_node("Mul", [zp_of[azp], colsum], [y + "_rowq_shift"]),
            helper.make_node("Sub", [y + "_rowq_raw", y + "_rowq_shift"], [y]),
        ]
    del graph.node[:]
    graph.node.extend(out)
    graph.initializer.extend(consts)
    onnx.checker.check_model(model)
    return model


def _axes(node: onnx.NodeProto, inits: dict[str, onnx.TensorProto]) -> list[int] | None:
    if len(node.input) > 1 and node.input[1] in inits:
        return [int(a) for a in numpy_helper.to_array(inits[node.input[1]]).ravel()]
    return None


def _pool_by_matmul(node: onnx.NodeProto) -> list[onnx.NodeProto]:
    """Mean pooling's sum over tokens (of hidden states already masked) as a batched
    MatMul with the row's mask: ReduceSum sums in an order that depends on the batch
    size, a [1, tokens] x [tokens, hidden] product per row does not."""
    keep = next((a.i for a in node.attribute if a.name == "keepdims"), 1)
    p, y = node.output[0] + "_rowq", node.output[0]
    one = p + "_axis1"
    nodes = [
        helper.make_node("Constant", [], [one], value=numpy_helper.from_array(np.array([1]))),
        helper.make_node("Cast", ["attention_mask"], [p + "_maskf"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", [p + "_maskf", one], [p + "_row"]),
        helper.make_node("MatMul", [p + "_row", node.input[0]], [p + "_sum" if not keep else y]),
    ]
    if not keep:
        nodes.append(helper.make_node("Squeeze", [p + "_sum", one], [y]))
    return nodes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source")
    ap.add_argument("target")
    args = ap.parse_args()
    onnx.save(rewrite(onnx.load(args.source)), args.target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
