#!/usr/bin/env python3
"""A short masked-LM run with the Hugging Face Trainer, the peer of MaskLab's training-dynamics
test: the same starting weights, chunks, recipe and frozen evaluation masks as MaskLab's run.

    trainer_run.py MODEL_DIR RUN_JSON OUT_JSON [--save DIR]

RUN_JSON: {"train_ids": [[...]], "eval_input_ids": [[...]], "eval_labels": [[...]],
           "learning_rate", "weight_decay", "warmup_steps", "epochs", "batch_size",
           "eval_batch_size", "max_grad_norm", "mlm_probability", "seed"}
Training masks are DataCollatorForLanguageModeling's (fresh every batch); evaluation uses the
given frozen masks, averaged as MaskLab and the course do: each batch's mean loss over its
masked tokens, weighted by the batch's row count. OUT_JSON: {"perplexity_before",
"perplexity_after", "steps", "train_loss"}. With --save, the trained model is saved there.
"""
import argparse
import json
import math

import torch
import transformers
from transformers import (AutoModelForMaskedLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer,
                          TrainingArguments)


class Chunks(torch.utils.data.Dataset):
    def __init__(self, rows):
        self.rows = rows

    def __len__(self):
        return len(self.rows)

    def __getitem__(self, i):
        return {"input_ids": self.rows[i]}


def frozen_perplexity(model, input_ids, labels, batch_size):
    model.eval()
    total, rows = 0.0, 0
    with torch.no_grad():
        for start in range(0, len(input_ids), batch_size):
            ids = torch.tensor(input_ids[start:start + batch_size])
            lab = torch.tensor(labels[start:start + batch_size])
            if (lab != -100).sum() == 0:
                continue
            loss = model(input_ids=ids, labels=lab).loss.item()
            total += loss * ids.size(0)
            rows += ids.size(0)
    return math.exp(total / rows)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model_dir")
    parser.add_argument("run_json")
    parser.add_argument("out_json")
    parser.add_argument("--save")
    args = parser.parse_args()
    transformers.logging.set_verbosity_error()
    with open(args.run_json) as f:
        run = json.load(f)

    tokenizer = AutoTokenizer.from_pretrained(args.model_dir)
    model = AutoModelForMaskedLM.from_pretrained(args.model_dir)
    before = frozen_perplexity(model, run["eval_input_ids"], run["eval_labels"], run["eval_batch_size"])
    collator = DataCollatorForLanguageModeling(tokenizer, mlm_probability=run["mlm_probability"], seed=run["seed"])
    training = TrainingArguments(
        output_dir=(args.save or "/tmp") + "/trainer-output", per_device_train_batch_size=run["batch_size"],
        num_train_epochs=run["epochs"], learning_rate=run["learning_rate"], weight_decay=run["weight_decay"],
        warmup_steps=run["warmup_steps"], max_grad_norm=run["max_grad_norm"], lr_scheduler_type="linear",
        logging_steps=10, report_to=[], save_strategy="no", use_cpu=True, dataloader_num_workers=0,
        disable_tqdm=True, seed=run["seed"])
    trainer = Trainer(model=model, args=training, train_dataset=Chunks(run["train_ids"]), data_collator=collator)
    result = trainer.train()
    after = frozen_perplexity(model, run["eval_input_ids"], run["eval_labels"], run["eval_batch_size"])
    if args.save:
        model.save_pretrained(args.save)
        tokenizer.save_pretrained(args.save)
    with open(args.out_json, "w") as f:
        json.dump({"perplexity_before": before, "perplexity_after": after, "steps": result.global_step,
                   "train_loss": result.training_loss}, f)


if __name__ == "__main__":
    main()
