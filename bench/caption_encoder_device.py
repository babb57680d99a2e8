"""The GPU half of ``bench/caption_encoder.py`` (issue 8): pretrain a small Vietnamese BERT
(masked-language model on the VietNews corpus) and fine-tune it on the caption candidate rows
with the outlet-grouped folds of ``bench/caption_model_classes.py``.

Why: a blind reader finds nearly every caption from plain text, and no model class over shallow
features does; no registry ships Vietnamese encoder weights, so the only encoder this workplace
can have is one it trains. This is the largest one that trains and is judged inside one
session's device time (15 min, machine start included).

Input: ``caption_encoder.py prepare DIR`` output (``sp.model``, ``corpus.txt.xz``,
``rows.json.xz``) in CAPTION_ENCODER_DATA (default: this file's folder, as it travels to the
device). Model: BERT, 8 layers, hidden 512, 16k SentencePiece vocabulary, 33.8 M parameters;
280 s of MLM (batch 512 x 128 tokens, bf16), then 3 epochs per fold of a line-plus-context
classifier ("[CLS] line [SEP] line above [SEP] line below [SEP]"). Output under $OUT: the
out-of-fold probabilities (``preds.json``, read by ``caption_encoder.py score``), ``log.txt``,
and the classifier fine-tuned on every row (fp16, split in files of <= 16 MB).

Usage (device): ``S14_DEADLINE=460 python3 caption_encoder_device.py`` (pretrained encoder's
CV, then the final model, then the control if time is left); ``S14_SCRATCH_ONLY=1`` runs only
the control, the same classifier from random weights; ``S14_TINY=1`` runs a tiny configuration
on the CPU in under a minute to check the script before spending device time.
"""

import itertools
import json
import lzma
import math
import os
import random
import sys
import time

import numpy as np
import sentencepiece as spm
import torch
import torch.nn.functional as F
from transformers import BertConfig, BertForMaskedLM, BertForSequenceClassification

T0 = time.time()
TINY = os.environ.get("S14_TINY") == "1"
# the control: the same classifier from random weights (no corpus read, no pretraining)
SCRATCH_ONLY = os.environ.get("S14_SCRATCH_ONLY") == "1"
HERE = os.environ.get("CAPTION_ENCODER_DATA", os.path.dirname(os.path.abspath(__file__)))
OUT = os.environ.get("OUT", "/tmp/s14out")
os.makedirs(OUT, exist_ok=True)
LOG = open(os.path.join(OUT, "log.txt"), "a")  # noqa: SIM115 (open for the whole run)
PRETRAIN_S = float(os.environ.get("S14_PRETRAIN_S", "20" if TINY else "280"))
DEV = "cuda" if torch.cuda.is_available() else "cpu"
PAD, UNK, CLS, SEP, MASK = 0, 1, 2, 3, 4
SEQ = 128
torch.manual_seed(0)
random.seed(0)
np.random.seed(0)


def log(*a):
    msg = f"[{time.time() - T0:7.1f}s] " + " ".join(str(x) for x in a)
    print(msg, flush=True)
    LOG.write(msg + "\n")
    LOG.flush()


sp = spm.SentencePieceProcessor(model_file=os.path.join(HERE, "sp.model"))
assert sp.piece_to_id("[MASK]") == MASK, sp.piece_to_id("[MASK]")
V = sp.get_piece_size()
log("device", DEV, torch.cuda.get_device_name(0) if DEV == "cuda" else "", "vocab", V)

# ---------------------------------------------------------------- corpus
docs, cur = [], []
with lzma.open(os.path.join(HERE, "corpus.txt.xz"), "rt", encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line:
            if cur:
                docs.append(" ".join(cur))
                cur = []
            if (TINY or SCRATCH_ONLY) and len(docs) >= 300:
                break
            continue
        cur.append(line)
if cur:
    docs.append(" ".join(cur))
log("docs read", len(docs))
ids = sp.encode(docs, num_threads=os.cpu_count())
n_tok = sum(map(len, ids))
log("docs", len(docs), "tokens", n_tok)
del docs
stream = np.fromiter(
    itertools.chain.from_iterable(d + [SEP] for d in ids), dtype=np.int32, count=n_tok + len(ids)
)
del ids
body = SEQ - 2
n_chunks = len(stream) // body
data = np.empty((n_chunks, SEQ), dtype=np.int32)
data[:, 0] = CLS
data[:, 1:-1] = stream[: n_chunks * body].reshape(n_chunks, body)
data[:, -1] = SEP
data = torch.from_numpy(data)
log("chunks", tuple(data.shape))

# (hidden size, layers, heads, feed-forward size, MLM batch)
HIDDEN, LAYERS, HEADS, FEED_FORWARD, BATCH = (64, 2, 2, 128, 16) if TINY else (512, 8, 8, 2048, 512)
cfg = BertConfig(
    vocab_size=V,
    hidden_size=HIDDEN,
    num_hidden_layers=LAYERS,
    num_attention_heads=HEADS,
    intermediate_size=FEED_FORWARD,
    max_position_embeddings=256,
    type_vocab_size=2,
    pad_token_id=PAD,
)


def mask_batch(x):
    labels = x.clone()
    special = (x == PAD) | (x == CLS) | (x == SEP)
    prob = torch.full(x.shape, 0.15, device=x.device)
    prob[special] = 0
    picked = torch.bernoulli(prob).bool()
    labels[~picked] = -100
    r = torch.rand(x.shape, device=x.device)
    x = x.clone()
    x[picked & (r < 0.8)] = MASK
    rnd = picked & (r >= 0.8) & (r < 0.9)
    x[rnd] = torch.randint(5, V, (int(rnd.sum()),), device=x.device)
    return x, labels


if os.environ.get("S14_LOADONLY") == "1":
    sys.exit(0)
mlm = BertForMaskedLM(cfg).to(DEV)
log("params", sum(p.numel() for p in mlm.parameters()))
opt = torch.optim.AdamW(
    mlm.parameters(), lr=6e-4, betas=(0.9, 0.98), weight_decay=0.01, fused=DEV == "cuda"
)
data = data.to(DEV)
step, t_start, losses = 0, time.time(), []
WARM = 20 if TINY else 400
mlm.train()
while True:
    frac = (time.time() - t_start) / PRETRAIN_S
    if frac >= 1 or SCRATCH_ONLY:
        break
    lr = 6e-4 * min(1.0, (step + 1) / WARM) * max(0.05, 1 - frac)
    for g in opt.param_groups:
        g["lr"] = lr
    idx = torch.randint(0, data.shape[0], (BATCH,), device=DEV)
    x = data[idx].long()
    xin, labels = mask_batch(x)
    with torch.autocast(DEV, dtype=torch.bfloat16, enabled=DEV == "cuda"):
        out = mlm(input_ids=xin, attention_mask=(x != PAD).long(), labels=labels)
    out.loss.backward()
    torch.nn.utils.clip_grad_norm_(mlm.parameters(), 1.0)
    opt.step()
    opt.zero_grad(set_to_none=True)
    losses.append(out.loss.item() if step % 50 == 0 else losses[-1] if losses else 0)
    if step % 500 == 0:
        log("mlm step", step, "loss", round(out.loss.item(), 3), "lr", round(lr, 6))
    step += 1
log(
    "pretrain done: steps",
    step,
    "tokens seen",
    step * BATCH * SEQ,
    "last loss",
    round(float(np.mean(losses[-200:] or [0])), 3),
)
encoder_state = {
    k.removeprefix("bert."): v.detach().clone()
    for k, v in mlm.state_dict().items()
    if k.startswith("bert.")
}
del mlm, opt, data
if DEV == "cuda":
    torch.cuda.empty_cache()

# ---------------------------------------------------------------- fine-tune (CV)
with lzma.open(os.path.join(HERE, "rows.json.xz"), "rt", encoding="utf-8") as f:
    R = json.load(f)
rows, folds, hand = R["rows"], R["folds"], R["hand"]
if TINY:
    folds = [{"train": fo["train"][:300], "test": fo["test"][:40]} for fo in folds[:2]]
LINE_MAX, CTX_MAX, FT_SEQ = 80, 100, 192


def encode_row(r):
    line = sp.encode(r["t"])[:LINE_MAX]
    above = sp.encode(r["a"])[-(CTX_MAX // 2) :] if r["a"] else []
    below = sp.encode(r["b"])[: CTX_MAX // 2] if r["b"] else []
    # [CLS] line [SEP] above [SEP] below [SEP]; segment 0 = line, 1 = context
    a = [CLS, *line, SEP]
    b = [*above, SEP, *below, SEP]
    toks = (a + b)[:FT_SEQ]
    seg = ([0] * len(a) + [1] * len(b))[:FT_SEQ]
    return toks, seg


enc = [encode_row(r) for r in rows]
y_all = torch.tensor([r["y"] for r in rows], dtype=torch.float32)
w_all = torch.tensor([r["w"] for r in rows], dtype=torch.float32)


def batchify(idx):
    L = max(len(enc[i][0]) for i in idx)
    x = torch.full((len(idx), L), PAD, dtype=torch.long)
    s = torch.zeros((len(idx), L), dtype=torch.long)
    for j, i in enumerate(idx):
        t, g = enc[i]
        x[j, : len(t)] = torch.tensor(t)
        s[j, : len(g)] = torch.tensor(g)
    return x.to(DEV), s.to(DEV), (x != PAD).long().to(DEV)


EPOCHS, FT_BATCH, FT_LR = (1, 16, 1e-4) if TINY else (3, 32, 8e-5)


def finetune(train_idx, init_state, seed):
    torch.manual_seed(seed)
    settings = {k: v for k, v in cfg.to_dict().items() if k not in ("id2label", "label2id")}
    model = BertForSequenceClassification(BertConfig(**settings, num_labels=1))
    if init_state is not None:
        missing, unexpected = model.bert.load_state_dict(init_state, strict=False)
        assert not unexpected, unexpected
        assert all(m.startswith("pooler") for m in missing), missing
    model.to(DEV).train()
    opt = torch.optim.AdamW(model.parameters(), lr=FT_LR, weight_decay=0.01)
    steps = EPOCHS * math.ceil(len(train_idx) / FT_BATCH)
    step = 0
    rng = random.Random(seed)
    for _ in range(EPOCHS):
        order = list(train_idx)
        rng.shuffle(order)
        for i in range(0, len(order), FT_BATCH):
            b = order[i : i + FT_BATCH]
            x, s, m = batchify(b)
            for g in opt.param_groups:
                g["lr"] = FT_LR * min(1.0, (step + 1) / (0.06 * steps)) * (1 - step / steps)
            with torch.autocast(DEV, dtype=torch.bfloat16, enabled=DEV == "cuda"):
                logit = model(input_ids=x, token_type_ids=s, attention_mask=m).logits.squeeze(-1)
            loss = F.binary_cross_entropy_with_logits(
                logit.float(), y_all[b].to(DEV), weight=w_all[b].to(DEV)
            )
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            opt.zero_grad(set_to_none=True)
            step += 1
    model.eval()
    return model


@torch.no_grad()
def predict(model, idx):
    out = []
    for i in range(0, len(idx), 128):
        b = idx[i : i + 128]
        x, s, m = batchify(b)
        with torch.autocast(DEV, dtype=torch.bfloat16, enabled=DEV == "cuda"):
            out.extend(
                torch.sigmoid(
                    model(input_ids=x, token_type_ids=s, attention_mask=m)
                    .logits.squeeze(-1)
                    .float()
                ).tolist()
            )
    return out


def ap(y, p):
    o = np.argsort(-np.asarray(p), kind="stable")
    y = np.asarray(y)[o]
    hits = np.cumsum(y)
    return float(np.sum(hits[y == 1] / (np.flatnonzero(y == 1) + 1)) / max(1, y.sum()))


preds = {"pretrained": {}, "scratch": {}}


def run_cv(name, init):
    for fi, fo in enumerate(folds):
        model = finetune(fo["train"], init, seed=fi)
        for i, p in zip(fo["test"], predict(model, fo["test"]), strict=True):
            preds[name][i] = p
        del model
        ys = [rows[i]["y"] for i in fo["test"]]
        log(name, "fold", fi, "AP", round(ap(ys, [preds[name][i] for i in fo["test"]]), 3))
        with open(os.path.join(OUT, "preds.json"), "w") as f:
            json.dump(preds, f)
    idx = sorted(preds[name])
    pooled = ap([rows[i]["y"] for i in idx], [preds[name][i] for i in idx])
    log(name, "pooled hand AP", round(pooled, 3))
    with open(os.path.join(OUT, "preds.json"), "w") as f:
        json.dump(preds, f)


# ---------------------------------------------------------------- final model on all rows
def run_final():
    model = finetune(list(range(len(rows))), encoder_state, seed=99)
    state = {k: v.half().cpu() for k, v in model.state_dict().items()}
    keys = sorted(state)
    part, size, n = {}, 0, 0
    for k in keys:
        part[k] = state[k]
        size += state[k].numel() * 2
        if size > 14e6:
            torch.save(part, os.path.join(OUT, f"final_{n}.pt"))
            part, size, n = {}, 0, n + 1
    if part:
        torch.save(part, os.path.join(OUT, f"final_{n}.pt"))
    with open(os.path.join(OUT, "config.json"), "w") as f:
        json.dump(cfg.to_dict(), f)
    log("final saved in", n + 1, "files")


if SCRATCH_ONLY:
    run_cv("scratch", None)
    log("done")
    sys.exit(0)
run_cv("pretrained", encoder_state)
run_final()
if time.time() - T0 < float(os.environ.get("S14_DEADLINE", "500")):
    run_cv("scratch", None)
else:
    log("scratch control skipped: out of time")
log("done")
