#!/usr/bin/env python3
"""DistilBertForMaskedLM as Hugging Face transformers computes it, in plain eager PyTorch.

The peer for MaskLab's C++ model: the math of transformers' modeling_distilbert.py (the eager
attention path) with its module names, so state_dict() keys equal the tensor names of a
save_pretrained folder. It needs only torch (Debian's python3-torch); the transformers and
safetensors packages are not used: model.safetensors is read by hand.

    distilbert_reference.py logits MODEL_DIR IDS_JSON OUT_JSON [--dtype float32|float64]
        IDS_JSON: {"input_ids": [[...]], "attention_mask": [[...]] (optional),
                   "labels": [[...]] (optional, -100 = ignored)}
        OUT_JSON: {"logits": [batch][seq][vocab], "loss": float (with labels)}
    distilbert_reference.py bench --config tiny|distilbert --batch B --seq S --steps N --threads T
        prints one JSON line: tokens_per_second, seconds_per_step, peak_rss_mib, parameters
"""
import argparse
import json
import math
import os
import resource
import struct
import sys
import time

import torch
from torch import nn
import torch.nn.functional as F

LAYER_NORM_EPS = 1e-12  # DistilBERT's LayerNorms use this fixed epsilon


class Config:
    """The fields of DistilBertConfig that the masked-LM forward reads."""

    def __init__(self, vocab_size=30522, max_position_embeddings=512, dim=768, n_layers=6, n_heads=12,
                 hidden_dim=3072, dropout=0.1, attention_dropout=0.1, activation="gelu", pad_token_id=0):
        self.vocab_size = vocab_size
        self.max_position_embeddings = max_position_embeddings
        self.dim = dim
        self.n_layers = n_layers
        self.n_heads = n_heads
        self.hidden_dim = hidden_dim
        self.dropout = dropout
        self.attention_dropout = attention_dropout
        self.activation = activation
        self.pad_token_id = pad_token_id


def load_config(d):
    """A Config from a config.json dict (DistilBERT keys, as transformers writes them)."""
    model_type = d.get("model_type", "distilbert")
    if model_type != "distilbert":
        raise ValueError(f"model_type {model_type!r}: this reference implements DistilBERT only")
    if d.get("sinusoidal_pos_embds", False):
        raise ValueError("sinusoidal_pos_embds is not supported (learned position embeddings only)")
    defaults = Config()
    fields = ["vocab_size", "max_position_embeddings", "dim", "n_layers", "n_heads", "hidden_dim", "dropout",
              "attention_dropout", "activation", "pad_token_id"]
    return Config(**{f: d.get(f, getattr(defaults, f)) for f in fields})


def activation_fn(name):
    # transformers' ACT2FN: "gelu" is the exact (erf) GELU, "relu" is ReLU.
    if name == "gelu":
        return nn.GELU()
    if name == "relu":
        return nn.ReLU()
    raise ValueError(f"activation {name!r} is not supported")


class Embeddings(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.word_embeddings = nn.Embedding(config.vocab_size, config.dim, padding_idx=config.pad_token_id)
        self.position_embeddings = nn.Embedding(config.max_position_embeddings, config.dim)
        self.LayerNorm = nn.LayerNorm(config.dim, eps=LAYER_NORM_EPS)
        self.dropout = nn.Dropout(config.dropout)

    def forward(self, input_ids):
        seq_length = input_ids.size(1)
        position_ids = torch.arange(seq_length, dtype=torch.long, device=input_ids.device).unsqueeze(0)
        embeddings = self.word_embeddings(input_ids) + self.position_embeddings(position_ids)
        embeddings = self.LayerNorm(embeddings)
        return self.dropout(embeddings)


class MultiHeadSelfAttention(nn.Module):
    def __init__(self, config):
        super().__init__()
        if config.dim % config.n_heads != 0:
            raise ValueError(f"n_heads {config.n_heads} must divide dim {config.dim}")
        self.n_heads = config.n_heads
        self.dim = config.dim
        self.dropout = nn.Dropout(p=config.attention_dropout)
        self.q_lin = nn.Linear(config.dim, config.dim)
        self.k_lin = nn.Linear(config.dim, config.dim)
        self.v_lin = nn.Linear(config.dim, config.dim)
        self.out_lin = nn.Linear(config.dim, config.dim)

    def forward(self, query, key, value, mask):
        bs, q_length, dim = query.size()
        k_length = key.size(1)
        dim_per_head = self.dim // self.n_heads
        mask_reshp = (bs, 1, 1, k_length)

        def shape(x):
            return x.view(bs, -1, self.n_heads, dim_per_head).transpose(1, 2)

        def unshape(x):
            return x.transpose(1, 2).contiguous().view(bs, -1, self.n_heads * dim_per_head)

        q = shape(self.q_lin(query))
        k = shape(self.k_lin(key))
        v = shape(self.v_lin(value))
        q = q / math.sqrt(dim_per_head)
        scores = torch.matmul(q, k.transpose(2, 3))
        mask = (mask == 0).view(mask_reshp).expand_as(scores)
        scores = scores.masked_fill(mask, torch.tensor(torch.finfo(scores.dtype).min))
        weights = F.softmax(scores, dim=-1)
        weights = self.dropout(weights)
        context = unshape(torch.matmul(weights, v))
        return self.out_lin(context)


class FFN(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.dropout = nn.Dropout(p=config.dropout)
        self.lin1 = nn.Linear(config.dim, config.hidden_dim)
        self.lin2 = nn.Linear(config.hidden_dim, config.dim)
        self.activation = activation_fn(config.activation)

    def forward(self, x):
        return self.dropout(self.lin2(self.activation(self.lin1(x))))


class TransformerBlock(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.attention = MultiHeadSelfAttention(config)
        self.sa_layer_norm = nn.LayerNorm(config.dim, eps=LAYER_NORM_EPS)
        self.ffn = FFN(config)
        self.output_layer_norm = nn.LayerNorm(config.dim, eps=LAYER_NORM_EPS)

    def forward(self, x, attn_mask):
        sa_output = self.sa_layer_norm(self.attention(x, x, x, attn_mask) + x)
        return self.output_layer_norm(self.ffn(sa_output) + sa_output)


class Transformer(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.layer = nn.ModuleList([TransformerBlock(config) for _ in range(config.n_layers)])

    def forward(self, x, attn_mask):
        for block in self.layer:
            x = block(x, attn_mask)
        return x


class DistilBertModel(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.embeddings = Embeddings(config)
        self.transformer = Transformer(config)

    def forward(self, input_ids, attention_mask=None):
        if attention_mask is None:
            attention_mask = torch.ones(input_ids.shape, device=input_ids.device)
        return self.transformer(self.embeddings(input_ids), attention_mask)


class DistilBertForMaskedLM(nn.Module):
    def __init__(self, config):
        super().__init__()
        self.config = config
        self.activation = activation_fn(config.activation)
        self.distilbert = DistilBertModel(config)
        self.vocab_transform = nn.Linear(config.dim, config.dim)
        self.vocab_layer_norm = nn.LayerNorm(config.dim, eps=LAYER_NORM_EPS)
        self.vocab_projector = nn.Linear(config.dim, config.vocab_size)
        # tie_weights(): the projector shares the word embedding matrix.
        self.vocab_projector.weight = self.distilbert.embeddings.word_embeddings.weight
        self.mlm_loss_fct = nn.CrossEntropyLoss()  # ignore_index -100, mean over labelled positions
        self._init_weights()

    def _init_weights(self, std=0.02):
        # transformers' DistilBertPreTrainedModel._init_weights
        for module in self.modules():
            if isinstance(module, nn.Linear):
                module.weight.data.normal_(mean=0.0, std=std)
                if module.bias is not None:
                    module.bias.data.zero_()
            elif isinstance(module, nn.Embedding):
                module.weight.data.normal_(mean=0.0, std=std)
                if module.padding_idx is not None:
                    module.weight.data[module.padding_idx].zero_()
            elif isinstance(module, nn.LayerNorm):
                module.bias.data.zero_()
                module.weight.data.fill_(1.0)

    def forward(self, input_ids, attention_mask=None, labels=None):
        hidden_states = self.distilbert(input_ids, attention_mask)
        prediction_logits = self.vocab_transform(hidden_states)
        prediction_logits = self.activation(prediction_logits)
        prediction_logits = self.vocab_layer_norm(prediction_logits)
        prediction_logits = self.vocab_projector(prediction_logits)
        loss = None
        if labels is not None:
            # As transformers does: cross entropy over every position, -100 ignored.
            loss = self.mlm_loss_fct(prediction_logits.view(-1, prediction_logits.size(-1)), labels.view(-1))
        return loss, prediction_logits


# --- model.safetensors, read by hand ------------------------------------------------------------

SAFETENSORS_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8, "U8": torch.uint8,
    "BOOL": torch.bool,
}


def read_safetensors(path):
    """{name: tensor} from a .safetensors file: an 8-byte little-endian header length, a JSON
    header {name: {dtype, shape, data_offsets}} (offsets relative to the data after the header),
    then the raw little-endian tensor bytes."""
    if sys.byteorder != "little":
        raise RuntimeError("this reader assumes a little-endian host")
    with open(path, "rb") as f:
        blob = f.read()
    if len(blob) < 8:
        raise ValueError(f"{path}: too short for a safetensors header")
    (header_len,) = struct.unpack("<Q", blob[:8])
    if 8 + header_len > len(blob):
        raise ValueError(f"{path}: header length {header_len} runs past the file")
    header = json.loads(blob[8:8 + header_len].decode("utf-8"))
    data = memoryview(blob)[8 + header_len:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = SAFETENSORS_DTYPES.get(info["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name} has unsupported dtype {info['dtype']}")
        begin, end = info["data_offsets"]
        shape = info["shape"]
        count = 1
        for s in shape:
            count *= s
        item = torch.empty((), dtype=dtype).element_size()
        if end - begin != count * item or end > len(data):
            raise ValueError(f"{path}: tensor {name} has a byte range that does not fit its shape {shape}")
        if count == 0:
            tensors[name] = torch.empty(shape, dtype=dtype)
            continue
        raw = bytearray(data[begin:end])  # a writable copy, owned by the tensor
        tensors[name] = torch.frombuffer(raw, dtype=dtype).reshape(shape).clone()
    return tensors


def load_model(model_dir, dtype=torch.float32):
    with open(os.path.join(model_dir, "config.json"), "r", encoding="utf-8") as f:
        config = load_config(json.load(f))
    model = DistilBertForMaskedLM(config)
    tensors = read_safetensors(os.path.join(model_dir, "model.safetensors"))
    tied = "vocab_projector.weight"
    word = "distilbert.embeddings.word_embeddings.weight"
    if tied in tensors:
        if word in tensors and not torch.equal(tensors[tied], tensors[word]):
            raise ValueError(f"{tied} differs from {word}, but they are tied")
        tensors.pop(tied)
    expected = set(model.state_dict().keys()) - {tied}
    missing = sorted(expected - tensors.keys())
    unexpected = sorted(tensors.keys() - expected)
    if missing:
        raise ValueError(f"model.safetensors lacks {missing}")
    if unexpected:
        print(f"warning: unused tensors {unexpected}", file=sys.stderr)
    state = {k: v.to(torch.float32) for k, v in tensors.items() if k in expected}
    result = model.load_state_dict(state, strict=False)
    if [k for k in result.missing_keys if k != tied] or result.unexpected_keys:
        raise ValueError(f"state dict mismatch: {result}")
    return model.to(dtype)


# --- commands -----------------------------------------------------------------------------------

def command_logits(args):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    model = load_model(args.model_dir, dtype)
    model.eval()
    with open(args.ids_json, "r", encoding="utf-8") as f:
        request = json.load(f)
    input_ids = torch.tensor(request["input_ids"], dtype=torch.long)
    mask = request.get("attention_mask")
    attention_mask = torch.tensor(mask, dtype=torch.long) if mask is not None else None
    labels = request.get("labels")
    labels = torch.tensor(labels, dtype=torch.long) if labels is not None else None
    with torch.no_grad():
        loss, logits = model(input_ids, attention_mask, labels)
    out = {"shape": list(logits.shape), "logits": logits.double().tolist()}
    if loss is not None:
        out["loss"] = float(loss)
    with open(args.out_json, "w", encoding="utf-8") as f:
        json.dump(out, f)
    summary = {"shape": out["shape"], "dtype": args.dtype}
    if loss is not None:
        summary["loss"] = out["loss"]
    print(json.dumps(summary))


BENCH_CONFIGS = {
    "tiny": dict(vocab_size=4000, dim=128, n_layers=2, n_heads=2, hidden_dim=512, max_position_embeddings=256),
    "distilbert": dict(vocab_size=30522, dim=768, n_layers=6, n_heads=12, hidden_dim=3072,
                       max_position_embeddings=512),
}


def command_bench(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    config = Config(**BENCH_CONFIGS[args.config])
    model = DistilBertForMaskedLM(config)
    model.train()
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5, weight_decay=0.01)
    generator = torch.Generator().manual_seed(1)

    def batch():
        ids = torch.randint(0, config.vocab_size, (args.batch, args.seq), generator=generator)
        chosen = torch.rand((args.batch, args.seq), generator=generator) < 0.15
        labels = torch.where(chosen, ids, torch.full_like(ids, -100))
        return ids, torch.ones_like(ids), labels

    def step():
        ids, mask, labels = batch()
        optimizer.zero_grad()
        loss, _ = model(ids, mask, labels)
        loss.backward()
        optimizer.step()
        return float(loss)

    step()  # warmup: allocator, kernels, optimizer state
    start = time.perf_counter()
    for _ in range(args.steps):
        step()
    seconds = time.perf_counter() - start
    per_step = seconds / args.steps
    parameters = sum(p.numel() for p in model.parameters())  # tied matrix counted once
    print(json.dumps({
        "tokens_per_second": args.batch * args.seq / per_step,
        "seconds_per_step": per_step,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "parameters": parameters,
        "torch": torch.__version__,
        "threads": torch.get_num_threads(),
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("logits", help="logits (and loss) of a save_pretrained folder on given ids")
    p.add_argument("model_dir")
    p.add_argument("ids_json")
    p.add_argument("out_json")
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    b = sub.add_parser("bench", help="time training steps (AdamW, fp32) on random tokens")
    b.add_argument("--config", choices=sorted(BENCH_CONFIGS), default="tiny")
    b.add_argument("--batch", type=int, default=32)
    b.add_argument("--seq", type=int, default=128)
    b.add_argument("--steps", type=int, default=10)
    b.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    if args.command == "logits":
        command_logits(args)
    else:
        if args.steps < 1 or args.batch < 1 or args.seq < 1 or args.threads < 1:
            parser.error("--steps, --batch, --seq and --threads must be positive")
        command_bench(args)


if __name__ == "__main__":
    main()
