#!/usr/bin/env bash
# Trains resources/demo/base-model, the demo's general-English DistilBERT, with MaskLab itself:
# a small DistilBERT (the shape in base_model_shape.json) from scratch on 20 public-domain
# novels (../shared/fixtures/general/gutenberg_prose.jsonl, 1.9 M words) with the real
# bert-base-uncased tokenizer, as the course's DistilBERT was pretrained on books before IMDb
# adapted it. The result is written in the Hugging Face layout with fp16 weights, and the
# figures (held-out perplexity, fill-mask, time, machine) into base-model/TRAINING.md.
#
# Only this recipe needs ../shared. The default is 15 epochs of 64-token chunks (about 37 M
# tokens, near 1.4 hours on two CPU cores), which may be stopped and resumed:
#   bash resources/demo/make_base_model.sh                 # 15 epochs, fp32
#   RESUME=1 bash resources/demo/make_base_model.sh        # go on from the last saved state
#   PACKAGE=1 bash resources/demo/make_base_model.sh       # only write base-model/ from the finished run
#   EPOCHS=30 LEARNING_RATE=5e-4 bash resources/demo/make_base_model.sh
# The shipped model's run began with 40 epochs and was cut to 15 at step 4,228 (its
# training_config.json edited before RESUME=1; the schedule is computed from the step), so the
# learning rate of its first 4,228 steps decayed more slowly than a fresh 15-epoch run's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/../.." && pwd)"
fixtures="${MASKLAB_FIXTURES:-$top/../shared/fixtures}"
cli="${MASKLAB_CLI:-$top/build/bin/masklab-cli}"
python="${MASKLAB_PYTHON:-$HOME/.cache/masklab/venv/bin/python}"
work="${MASKLAB_BASE_WORK:-$HOME/.cache/masklab/base-model-run}"
out="$here/base-model"

corpus="$fixtures/general/gutenberg_prose.jsonl"
tokenizer="$fixtures/bert_uncased_tokenizer"
for need in "$corpus" "$tokenizer/vocab.txt" "$tokenizer/tokenizer.json"; do
  [ -e "$need" ] || { echo "make_base_model: $need is missing (MASKLAB_FIXTURES names the fixtures folder)" >&2; exit 1; }
done
[ -x "$cli" ] || { echo "make_base_model: build masklab-cli first (bash .ci/run-tests builds it), or set MASKLAB_CLI" >&2; exit 1; }

epochs="${EPOCHS:-15}"
threads="${THREADS:-0}"
precision="${PRECISION:-fp32}"  # bf16 was slower than fp32 at this width on AVX-512 CPUs without AMX
mkdir -p "$(dirname "$work")"
started=$(date +%s)
if [ "${PACKAGE:-0}" = 1 ]; then
  : # the run is done; its legs are counted already
elif [ "${RESUME:-0}" = 1 ] && [ -d "$work" ]; then
  # Hours of CPU: a run stopped (or killed) part-way goes on from its last saved state, with
  # the settings it was started with (--resume takes no others).
  "$cli" train --resume "$work" \
    | tee -a "$work.metrics.jsonl" | grep '"type":"eval"' || true
else
  rm -rf "$work" "$work.metrics.jsonl" "$work.legs"
  # Chunks of 64 (the demo's size, and nearer the short texts fill-mask is asked about); 98%
  # train, 2% are held out for the perplexity. No dropout while pretraining: the model
  # underfits, and dropout only slows it (as "Cramming" found for BERT in a day); the shipped
  # config.json puts the usual 0.1 back for the adaptation that follows. The state is saved
  # every 2,000 steps, so RESUME=1 loses at most that.
  "$cli" train \
    --from-scratch "$here/base_model_shape.json" --tokenizer "$tokenizer" \
    --corpus "$corpus" --chunk-size "${CHUNK:-64}" --group-size 0 --train-size 0.98 --test-size 0.02 \
    --learning-rate "${LEARNING_RATE:-1e-3}" --warmup-steps "${WARMUP:-300}" --weight-decay 0.01 \
    --dropout "${DROPOUT:-0}" --attention-dropout "${DROPOUT:-0}" \
    --batch-size "${BATCH:-64}" --epochs "$epochs" --eval-every-steps 2000 --log-every-steps 100 \
    --save-every-epoch=false --save-every-steps 2000 --precision "$precision" --threads "$threads" --seed 42 \
    --output-dir "$work" | tee "$work.metrics.jsonl" | grep '"type":"eval"' || true
fi
[ "${PACKAGE:-0}" = 1 ] || echo $(( $(date +%s) - started )) >> "$work.legs"
seconds=$(awk '{ s += $1 } END { print s }' "$work.legs")
[ -n "$(ls -d "$work"/checkpoint-* 2>/dev/null)" ] || { echo "make_base_model: the run in $work has not finished; RESUME=1 goes on with it" >&2; exit 1; }

last="$(ls -d "$work"/checkpoint-* | sort -V | tail -n 1)"
echo "make_base_model: last checkpoint $last" >&2

# fp16 weights: half the size, and what the app reads back as fp32.
rm -rf "$out"
mkdir -p "$out"
# The dropout the adaptation trains with (pretraining ran without).
"$python" - "$last/config.json" "$out/config.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["dropout"] = config["attention_dropout"] = 0.1
json.dump(config, open(sys.argv[2], "w"), indent=2)
PY
for f in tokenizer.json tokenizer_config.json special_tokens_map.json vocab.txt; do
  [ -e "$last/$f" ] && cp "$last/$f" "$out"/
done
"$python" - "$last/model.safetensors" "$out/model.safetensors" <<'PY'
import sys, torch
from safetensors.torch import load_file, save_file
tensors = load_file(sys.argv[1])
save_file({k: (v.half() if v.is_floating_point() else v).contiguous() for k, v in tensors.items()}, sys.argv[2],
          metadata={"format": "pt"})
PY

perplexity="$(grep '"type":"eval"' "$work.metrics.jsonl" | tail -n 1 | "$python" -c 'import json,sys; print(round(json.loads(sys.stdin.read())["perplexity"], 2))')"
fill="$("$cli" fill-mask --model "$out" --text "This is a great [MASK]." --top-k 5)"
size="$(du -b "$out/model.safetensors" | cut -f1)"
ran_epochs="$("$python" -c 'import json,sys; print(json.load(open(sys.argv[1]))["epochs"])' "$work/training_config.json")"
steps="$(grep '"type":"step"' "$work.metrics.jsonl" | tail -n 1 | "$python" -c 'import json,sys; print(json.loads(sys.stdin.read())["step"])')"
cat > "$out/TRAINING.md" <<EOF
# base-model: how it was made

\`bash resources/demo/make_base_model.sh\` ($ran_epochs epochs, $steps steps of 64 chunks, precision $precision), $(date -u +%Y-%m-%d).

- Shape: \`base_model_shape.json\` ($("$cli" info --model "$out" | "$python" -c 'import json,sys; print("{layers} layers of {hidden}, {heads} heads, {parameters:,} parameters".format(**json.load(sys.stdin)))'))
- Corpus: gutenberg_prose.jsonl (20 novels, 1.9 M words) in chunks of ${CHUNK:-64} tokens; 2% held out
- Tokenizer: bert-base-uncased (30,522 entries), as the course's DistilBERT
- Held-out perplexity after training: $perplexity
- Time: $seconds s of training on $(nproc) CPU threads ($(lscpu | sed -n 's/^Model name: *//p' | head -n 1)), in $(wc -l < "$work.legs") legs
- Weights: fp16, $size bytes

\`masklab-cli fill-mask --model resources/demo/base-model --text "This is a great [MASK]."\`:

\`\`\`
$fill
\`\`\`
EOF
cat "$out/TRAINING.md"
