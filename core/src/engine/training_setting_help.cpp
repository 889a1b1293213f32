// One line for every training setting: `masklab-cli train --help` prints it, and the window's
// settings form shows it under the field, translated. The core has no Qt, so the entries are
// marked with a macro of our own that lupdate reads as QT_TRANSLATE_NOOP (-tr-function-alias,
// see ui/CMakeLists.txt); the window looks each text up in the "TrainingSettings" context.
#include "masklab/training_config.h"

#include <cstring>

#define MASKLAB_TRANSLATE_NOOP(context, text) text

namespace masklab {
namespace {

struct SettingHelp {
    const char* key;
    const char* text;
};

constexpr SettingHelp kHelp[] = {
    {"model", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "A save_pretrained folder or Hub repo id to adapt; empty to train a new model")},
    {"from_scratch", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Size of a new model: tiny, mini, small, distilbert, bert-base or a config.json; empty to adapt the model folder")},
    {"tokenizer", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "For a new model: tokenizer.json, vocab.txt or a SentencePiece .model; empty builds a WordPiece vocabulary from the corpus")},
    {"scratch_vocab_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Most entries of the vocabulary built from the corpus (fewer when the corpus has fewer distinct pieces)")},
    {"dropout", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Hidden dropout for this run, from 0 to below 1; -1 keeps the model's own (0 makes runs comparable exactly)")},
    {"attention_dropout", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Dropout on attention weights for this run; -1 keeps the model's own")},
    {"corpus", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "An aclImdb folder or tarball, a JSONL, CSV or plain text file")},
    {"split", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "The aclImdb split to read: train, test or unsup")},
    {"text_field", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "The JSONL or CSV column that holds the text")},
    {"chunk_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Tokens per chunk (the course: 128)")},
    {"group_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Documents joined before cutting into chunks (the course: 1,000); 0 = the whole corpus")},
    {"train_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Chunks for training: a count, or a fraction when below 1")},
    {"test_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Chunks for evaluation: a count, or a fraction when below 1")},
    {"split_seed", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Seed of the train/test split of the chunks")},
    {"whole_word", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Mask whole words instead of single tokens")},
    {"mlm_probability", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Share of tokens chosen for masking (the course: 0.15)")},
    {"wwm_probability", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Share of words chosen for whole-word masking (the course: 0.2)")},
    {"mask_share", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Of the chosen tokens, the share replaced by [MASK] (0.8)")},
    {"random_share", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Of the chosen tokens, the share replaced by a random token (0.1); the rest stay")},
    {"eval_mask_seed", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "The evaluation chunks are masked once with this seed, so perplexity does not jitter")},
    {"learning_rate", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Peak learning rate of AdamW (the course: 2e-5)")},
    {"weight_decay", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "AdamW's decoupled weight decay; none on biases and LayerNorm weights")},
    {"adam_beta1", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "AdamW's decay of the gradient average (0.9)")},
    {"adam_beta2", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "AdamW's decay of the squared-gradient average (0.999)")},
    {"adam_epsilon", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "AdamW's epsilon in the denominator (1e-8)")},
    {"batch_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Chunks per optimizer step, before accumulation (the course: 64)")},
    {"gradient_accumulation", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Micro-batches in one optimizer step; its loss is the mean over all their masked tokens")},
    {"epochs", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Passes over the training chunks (the course: 3)")},
    {"warmup_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Steps of linear warmup before the linear decay to 0")},
    {"max_grad_norm", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Gradient clipping norm; 0 = off")},
    {"seed", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Seed of a new model's weights, the shuffling, the masks and dropout")},
    {"eval_every_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Evaluate every N optimizer steps; 0 = after every epoch")},
    {"eval_before_training", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Measure the starting model's perplexity before the first step")},
    {"eval_batch_size", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Chunks per evaluation batch")},
    {"log_every_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Steps between the loss lines of metrics.jsonl")},
    {"device", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "auto (CUDA when present), cpu, cuda or cuda:N")},
    {"precision", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "auto, fp32, bf16 or fp16 (fp16 on CUDA only)")},
    {"threads", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "CPU threads; 0 = every core")},
    {"ddp_bucket_cap_mb", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Runs of several processes: megabytes of gradients per all-reduce, sent while backward still runs (25)")},
    {"ddp_timeout", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Runs of several processes: seconds to wait for the others before naming the one that stopped and exiting")},
    {"output_dir", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "The run folder: settings, metrics, checkpoints and the training state")},
    {"save_every_epoch", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "A save_pretrained checkpoint after every epoch (the last one is always written)")},
    {"save_every_steps", MASKLAB_TRANSLATE_NOOP("TrainingSettings", "Also save the resumable state every N steps, so a crash loses at most N; 0 = at epochs and stops only")},
};

}  // namespace

std::string trainingSettingHelp(const std::string& key)
{
    for (const SettingHelp& h : kHelp)
        if (key == h.key) return h.text;
    return {};
}

}  // namespace masklab
