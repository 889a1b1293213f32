#!/usr/bin/env python3
"""Hugging Face transformers itself, as the peer of MaskLab's model tests.

    transformers_peer.py logits MODEL_DIR IDS_JSON OUT_JSON [--dtype float32|float64]
        AutoModelForMaskedLM.from_pretrained(MODEL_DIR) in eval mode on IDS_JSON
        ({"input_ids": [[...]], "attention_mask": [[...]], "labels": [[...]] optional}).
        OUT_JSON: {"shape": [b, s, v], "logits": [...], "loss": float or null, "warnings": [...]}
    transformers_peer.py random-model OUT_DIR --arch distilbert|bert --shape small|full
                                      --vocab VOCAB_TXT [--seed N] [--format safetensors|bin]
        A masked-LM built by transformers with its own random initialization, saved with
        save_pretrained (safetensors), or as pytorch_model.bin written by torch.save of its
        state_dict (what save_pretrained(safe_serialization=False) wrote in transformers 4), with
        the BertTokenizerFast of VOCAB_TXT beside it.
    transformers_peer.py fill-mask MODEL_DIR TEXTS_JSON OUT_JSON [--top-k K]
        pipeline("fill-mask") on each text of TEXTS_JSON (a list of strings); OUT_JSON: per text a
        list (one per [MASK]) of lists of {"score", "token", "token_str", "sequence"}.
    transformers_peer.py decode TOKENIZER_DIR IDS_JSON OUT_JSON
        AutoTokenizer.decode of each id list, with skip_special_tokens False and True.
    transformers_peer.py collator TOKENIZER_DIR CHUNKS_JSON OUT_JSON [--mlm-probability P] [--seed N]
        DataCollatorForLanguageModeling on the chunks ({"input_ids": [[...]], "attention_mask"
        optional}, batches of 64); OUT_JSON: counts of eligible, chosen, [MASK], random and kept
        tokens, and how many special or padding positions it chose.
    transformers_peer.py wwm-groups CHUNKS_JSON OUT_JSON
        The word groups of the course's whole_word_masking_data_collator ({"word_ids": [[...]]},
        -1 for None): per chunk, the list of token index lists of its mapping.

Every command records what transformers logged or warned while loading ("warnings").
"""
import argparse
import json
import logging
import os
import sys
import warnings

import torch
import transformers
from transformers import AutoModelForMaskedLM, AutoTokenizer


class LogCapture(logging.Handler):
    """Collects every record transformers logs at WARNING or above, and Python warnings."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(f"{record.name}: {record.getMessage()}")

    def __enter__(self):
        transformers.logging.set_verbosity_warning()
        logging.getLogger("transformers").addHandler(self)
        self._warnings = warnings.catch_warnings(record=True)
        self._caught = self._warnings.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, *exc):
        self._warnings.__exit__(*exc)
        logging.getLogger("transformers").removeHandler(self)
        self.messages += [f"{w.category.__name__}: {w.message}" for w in self._caught]
        return False


def command_logits(args):
    dtype = torch.float64 if args.dtype == "float64" else torch.float32
    with LogCapture() as log:
        model = AutoModelForMaskedLM.from_pretrained(args.model_dir, dtype=dtype)
        # A folder with tokenizer files must load as a tokenizer too, without a warning.
        tokenizer_class = None
        if any(os.path.exists(os.path.join(args.model_dir, f)) for f in ("tokenizer.json", "vocab.txt")):
            tokenizer_class = type(AutoTokenizer.from_pretrained(args.model_dir)).__name__
    model.eval()
    with open(args.ids_json) as f:
        request = json.load(f)
    ids = torch.tensor(request["input_ids"], dtype=torch.long)
    mask = torch.tensor(request["attention_mask"], dtype=torch.long) if "attention_mask" in request else None
    labels = torch.tensor(request["labels"], dtype=torch.long) if "labels" in request else None
    with torch.no_grad():
        out = model(input_ids=ids, attention_mask=mask, labels=labels)
    embeddings = model.get_input_embeddings().weight
    projector = model.get_output_embeddings().weight
    with open(args.out_json, "w") as f:
        json.dump({"shape": list(out.logits.shape), "logits": out.logits.double().tolist(),
                   "loss": None if out.loss is None else out.loss.item(),
                   "tied": projector.data_ptr() == embeddings.data_ptr(),
                   "architecture": type(model).__name__, "tokenizer": tokenizer_class, "warnings": log.messages,
                   "transformers": transformers.__version__, "torch": torch.__version__}, f)


SHAPES = {
    # small: quick at both architectures; full: distilbert-base-uncased and bert-base-uncased;
    # tiny: a few kilobytes of weights, the fuzz targets' seeds.
    ("distilbert", "tiny"): dict(dim=8, n_layers=1, n_heads=2, hidden_dim=16, max_position_embeddings=16),
    ("bert", "tiny"): dict(hidden_size=8, num_hidden_layers=1, num_attention_heads=2, intermediate_size=16,
                           max_position_embeddings=16),
    ("distilbert", "small"): dict(dim=64, n_layers=2, n_heads=4, hidden_dim=128, max_position_embeddings=64),
    ("distilbert", "full"): dict(dim=768, n_layers=6, n_heads=12, hidden_dim=3072, max_position_embeddings=512),
    ("bert", "small"): dict(hidden_size=64, num_hidden_layers=2, num_attention_heads=4, intermediate_size=128,
                            max_position_embeddings=64),
    ("bert", "full"): dict(hidden_size=768, num_hidden_layers=12, num_attention_heads=12, intermediate_size=3072,
                           max_position_embeddings=512),
}


def command_random_model(args):
    from transformers import BertConfig, BertTokenizer, DistilBertConfig

    tokenizer = BertTokenizer(vocab=args.vocab, do_lower_case=True)
    shape = SHAPES[(args.arch, args.shape)]
    config_class = DistilBertConfig if args.arch == "distilbert" else BertConfig
    config = config_class(vocab_size=len(tokenizer), **shape)
    torch.manual_seed(args.seed)
    model = AutoModelForMaskedLM.from_config(config)
    # transformers zero-initializes the MLM biases: give them values so a wrong bias shows.
    with torch.no_grad():
        for name, p in model.named_parameters():
            if name.endswith("bias"):
                p.normal_(0.0, 0.05)
    model.eval()
    if args.format == "bin":
        config.save_pretrained(args.out_dir)
        torch.save(model.state_dict(), f"{args.out_dir}/pytorch_model.bin")
    elif args.max_shard_size:
        model.save_pretrained(args.out_dir, max_shard_size=args.max_shard_size)
    else:
        model.save_pretrained(args.out_dir)
    tokenizer.save_pretrained(args.out_dir)
    print(json.dumps({"architecture": type(model).__name__,
                      "parameters": sum(p.numel() for p in model.parameters())}))


def command_fill_mask(args):
    from transformers import pipeline

    with LogCapture() as log:
        # In fp32 as MaskLab computes, also for a folder of fp16 weights (the demo's base model),
        # which transformers 5 would otherwise run in the dtype they are stored in.
        fill = pipeline("fill-mask", model=args.model_dir, tokenizer=args.model_dir, device="cpu",
                        dtype=torch.float32)
    with open(args.texts_json) as f:
        texts = json.load(f)
    results = []
    for text in texts:
        answer = fill(text, top_k=args.top_k)
        # One mask gives a list of predictions; several give a list of lists.
        results.append([answer] if answer and isinstance(answer[0], dict) else answer)
    with open(args.out_json, "w") as f:
        json.dump({"results": results, "warnings": log.messages}, f)


def command_decode(args):
    with LogCapture() as log:
        tokenizer = AutoTokenizer.from_pretrained(args.tokenizer_dir)
    with open(args.ids_json) as f:
        id_lists = json.load(f)
    with open(args.out_json, "w") as f:
        json.dump({"kept": [tokenizer.decode(ids, skip_special_tokens=False) for ids in id_lists],
                   "skipped": [tokenizer.decode(ids, skip_special_tokens=True) for ids in id_lists],
                   "class": type(tokenizer).__name__, "warnings": log.messages}, f)


def command_collator(args):
    from transformers import DataCollatorForLanguageModeling

    tokenizer = AutoTokenizer.from_pretrained(args.tokenizer_dir)
    with open(args.chunks_json) as f:
        chunks = json.load(f)
    ids_all = torch.tensor(chunks["input_ids"], dtype=torch.long)
    attention_all = torch.tensor(chunks["attention_mask"], dtype=torch.long) if "attention_mask" in chunks else None
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=args.mlm_probability, seed=args.seed)
    special_ids = torch.tensor(sorted(set(tokenizer.all_special_ids)))
    counts = dict(eligible=0, chosen=0, masked=0, random=0, kept=0, special_chosen=0, padding_chosen=0)
    for start in range(0, ids_all.size(0), 64):
        ids = ids_all[start:start + 64]
        features = [{"input_ids": row.tolist()} for row in ids]
        if attention_all is not None:
            for feature, row in zip(features, attention_all[start:start + 64]):
                feature["attention_mask"] = row.tolist()
        batch = collator(features)
        chosen = batch["labels"] != -100
        special = torch.isin(ids, special_ids)
        padding = attention_all[start:start + 64] == 0 if attention_all is not None else torch.zeros_like(special)
        counts["eligible"] += int((~special & ~padding).sum())
        counts["chosen"] += int(chosen.sum())
        counts["masked"] += int((chosen & (batch["input_ids"] == tokenizer.mask_token_id)).sum())
        counts["kept"] += int((chosen & (batch["input_ids"] == ids)).sum())
        counts["special_chosen"] += int((chosen & special).sum())
        counts["padding_chosen"] += int((chosen & padding).sum())
    counts["random"] = counts["chosen"] - counts["masked"] - counts["kept"]
    with open(args.out_json, "w") as f:
        json.dump(counts, f)


def course_word_groups(word_ids):
    """The mapping of the course's whole_word_masking_data_collator, as its loop builds it."""
    import collections

    mapping = collections.defaultdict(list)
    current_word_index = -1
    current_word = None
    for idx, word_id in enumerate(word_ids):
        if word_id is not None:
            if word_id != current_word:
                current_word = word_id
                current_word_index += 1
            mapping[current_word_index].append(idx)
    return [mapping[k] for k in sorted(mapping)]


def command_wwm_groups(args):
    with open(args.chunks_json) as f:
        chunks = json.load(f)
    groups = [course_word_groups([None if w < 0 else w for w in row]) for row in chunks["word_ids"]]
    with open(args.out_json, "w") as f:
        json.dump({"groups": groups}, f)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("logits")
    p.add_argument("model_dir")
    p.add_argument("ids_json")
    p.add_argument("out_json")
    p.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    p = sub.add_parser("random-model")
    p.add_argument("out_dir")
    p.add_argument("--arch", choices=["distilbert", "bert"], required=True)
    p.add_argument("--shape", choices=["tiny", "small", "full"], default="small")
    p.add_argument("--vocab", required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--format", choices=["safetensors", "bin"], default="safetensors")
    p.add_argument("--max-shard-size", help="save_pretrained's max_shard_size (sharded safetensors)")
    p = sub.add_parser("fill-mask")
    p.add_argument("model_dir")
    p.add_argument("texts_json")
    p.add_argument("out_json")
    p.add_argument("--top-k", type=int, default=5)
    p = sub.add_parser("decode")
    p.add_argument("tokenizer_dir")
    p.add_argument("ids_json")
    p.add_argument("out_json")
    p = sub.add_parser("collator")
    p.add_argument("tokenizer_dir")
    p.add_argument("chunks_json")
    p.add_argument("out_json")
    p.add_argument("--mlm-probability", type=float, default=0.15)
    p.add_argument("--seed", type=int, default=0)
    p = sub.add_parser("wwm-groups")
    p.add_argument("chunks_json")
    p.add_argument("out_json")
    args = parser.parse_args()
    {"logits": command_logits, "random-model": command_random_model, "fill-mask": command_fill_mask,
     "decode": command_decode, "collator": command_collator, "wwm-groups": command_wwm_groups}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
