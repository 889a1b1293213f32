#!/usr/bin/env python3
"""The Hugging Face Trainer training DistilBertForMaskedLM on the CPU: the peer of
masklab-bench-training. What a user of the course runs instead of MaskLab.

    trainer_bench.py --config tiny|distilbert --batch B --seq S --steps N --threads T [--bf16]

Random token chunks of length S (every position real), masked by DataCollatorForLanguageModeling
(15%, 80/10/10), AdamW, fp32 (or bf16 autocast with --bf16), dropout as the config's default.
The first two steps are warm-up; the next N are timed by a callback from step start to step end.
Prints one JSON line: tokens_per_second, seconds_per_step, peak_rss_mib, parameters, torch,
transformers, threads, final_loss.
"""
import argparse
import json
import resource
import tempfile
import time

import torch
import transformers
from transformers import (DataCollatorForLanguageModeling, DistilBertConfig, DistilBertForMaskedLM,
                          PreTrainedTokenizerFast, Trainer, TrainerCallback, TrainingArguments)

BENCH_CONFIGS = {
    "tiny": dict(vocab_size=4000, dim=128, n_layers=2, n_heads=2, hidden_dim=512, max_position_embeddings=256),
    "distilbert": dict(vocab_size=30522, dim=768, n_layers=6, n_heads=12, hidden_dim=3072,
                       max_position_embeddings=512),
}
WARMUP = 2


def word_level_tokenizer(vocab_size):
    """A tokenizer with the five BERT specials for the collator (it needs mask and pad ids)."""
    from tokenizers import Tokenizer
    from tokenizers.models import WordLevel

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "[MASK]": 4}
    vocab.update({f"w{i}": i for i in range(5, vocab_size)})
    return PreTrainedTokenizerFast(tokenizer_object=Tokenizer(WordLevel(vocab, unk_token="[UNK]")),
                                   pad_token="[PAD]", unk_token="[UNK]", cls_token="[CLS]", sep_token="[SEP]",
                                   mask_token="[MASK]")


class RandomChunks(torch.utils.data.Dataset):
    def __init__(self, count, seq, vocab_size):
        generator = torch.Generator().manual_seed(1)
        self.ids = torch.randint(5, vocab_size, (count, seq), generator=generator)

    def __len__(self):
        return self.ids.size(0)

    def __getitem__(self, i):
        return {"input_ids": self.ids[i].tolist()}


class StepTimer(TrainerCallback):
    def __init__(self):
        self.durations = []
        self.loss = None

    def on_step_begin(self, args, state, control, **kwargs):
        self.start = time.perf_counter()

    def on_step_end(self, args, state, control, **kwargs):
        self.durations.append(time.perf_counter() - self.start)

    def on_log(self, args, state, control, logs=None, **kwargs):
        if logs and "loss" in logs:
            self.loss = logs["loss"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", choices=sorted(BENCH_CONFIGS), default="tiny")
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seq", type=int, default=128)
    parser.add_argument("--steps", type=int, default=10)
    parser.add_argument("--threads", type=int, default=torch.get_num_threads())
    parser.add_argument("--bf16", action="store_true")
    args = parser.parse_args()
    if min(args.steps, args.batch, args.seq, args.threads) < 1:
        parser.error("--steps, --batch, --seq and --threads must be positive")
    torch.set_num_threads(args.threads)
    transformers.logging.set_verbosity_error()

    config = DistilBertConfig(**BENCH_CONFIGS[args.config])
    torch.manual_seed(0)
    model = DistilBertForMaskedLM(config)
    steps = args.steps + WARMUP
    dataset = RandomChunks(steps * args.batch, args.seq, config.vocab_size)
    collator = DataCollatorForLanguageModeling(word_level_tokenizer(config.vocab_size), mlm_probability=0.15)
    timer = StepTimer()
    with tempfile.TemporaryDirectory() as out:
        training = TrainingArguments(output_dir=out, per_device_train_batch_size=args.batch, max_steps=steps,
                                     learning_rate=2e-5, weight_decay=0.01, logging_steps=1, report_to=[],
                                     save_strategy="no", use_cpu=True, bf16=args.bf16, dataloader_num_workers=0,
                                     disable_tqdm=True, seed=0)
        Trainer(model=model, args=training, train_dataset=dataset, data_collator=collator,
                callbacks=[timer]).train()
    per_step = sum(timer.durations[WARMUP:]) / len(timer.durations[WARMUP:])
    print(json.dumps({
        "tokens_per_second": args.batch * args.seq / per_step,
        "seconds_per_step": per_step,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
        "parameters": sum(p.numel() for p in model.parameters()),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "threads": torch.get_num_threads(),
        "final_loss": timer.loss,
    }))


if __name__ == "__main__":
    main()
