#pragma once
// Every setting of a training run, with the course's Trainer recipe as defaults. Plain data read
// and written as JSON: the file the GUI saves is the file `masklab-cli train --config` reads.
#include "masklab/masking.h"

#include <cstdint>
#include <string>
#include <vector>

namespace masklab {

struct TrainingConfig {
    // --- Model: start from a folder, or from scratch at a preset size --------------------------
    std::string model;                  // save_pretrained folder to adapt (empty with fromScratch)
    std::string fromScratch;            // "tiny", "mini", "small", "distilbert": a new model
    std::string tokenizer;              // tokenizer for fromScratch (file or folder); empty =
                                        // build a WordPiece vocabulary from the training corpus
    int scratchVocabSize = 4000;        // size of that built vocabulary
    double dropout = -1;                // hidden dropout for this run; -1 = the model's own
    double attentionDropout = -1;       // attention dropout for this run; -1 = the model's own

    // --- Data ------------------------------------------------------------------------------
    std::string corpus;                 // aclImdb folder/tarball, JSONL, CSV or text
    std::string split = "train";        // aclImdb split (the course chunks the train split)
    std::string textField = "text";     // JSONL/CSV text column
    int chunkSize = 128;                // tokens per chunk
    int groupSize = 1000;               // documents per group_texts batch (0 = whole corpus)
    double trainSize = 10000;           // chunks for training (count, or fraction if < 1)
    double testSize = 1000;             // chunks for evaluation (count, or fraction if < 1)
    uint64_t splitSeed = 42;            // train_test_split seed

    // --- Masking ---------------------------------------------------------------------------
    bool wholeWord = false;             // whole-word masking instead of token masking
    double mlmProbability = 0.15;       // token masking probability
    double wwmProbability = 0.2;        // whole-word masking probability
    double maskShare = 0.8;             // token masking: chosen tokens replaced by [MASK]
    double randomShare = 0.1;           // token masking: chosen tokens replaced by a random id
                                        // (the rest are kept as they are)
    uint64_t evalMaskSeed = 1234;       // frozen evaluation masks

    // --- Optimization (AdamW, linear schedule) --------------------------------------------
    double learningRate = 2e-5;         // peak learning rate
    double weightDecay = 0.01;          // decoupled; none on biases and LayerNorm weights
    double adamBeta1 = 0.9;
    double adamBeta2 = 0.999;
    double adamEpsilon = 1e-8;
    int batchSize = 64;                 // chunks per optimizer step (before accumulation)
    int gradientAccumulation = 1;       // micro-batches per optimizer step; the step's loss is
                                        // the mean over every masked token of all of them
    int epochs = 3;
    int warmupSteps = 0;                // linear warmup, then linear decay to 0
    double maxGradNorm = 1.0;           // gradient clipping (0 = off)
    uint64_t seed = 42;                 // weights of a new model, shuffling, masks, dropout

    // --- Evaluation and logging ---------------------------------------------------------------
    int evalEverySteps = 0;             // 0 = after every epoch
    bool evalBeforeTraining = true;     // perplexity of the starting model
    int evalBatchSize = 64;
    int logEverySteps = 10;             // step events to metrics.jsonl

    // --- Device ------------------------------------------------------------------------------
    std::string device = "auto";        // "auto" (CUDA when present), "cpu", "cuda", "cuda:1"
    std::string precision = "auto";     // "auto" (bf16 on GPUs and CPUs that compute it, fp16
                                        // on older GPUs, fp32 on other CPUs), "fp32", "bf16"
                                        // (autocast, also on the CPU), "fp16" (loss scaling)
    int threads = 0;                    // CPU threads (0 = every core)

    // --- Processes (data-parallel runs: torchrun or masklab-cli train --nproc) ----------------
    int ddpBucketCapMb = 25;            // gradients per all-reduce bucket (DDP's bucket_cap_mb)
    int ddpTimeout = 1800;              // seconds a process waits for the others before it
                                        // names the one that stopped answering and exits

    // --- Output -----------------------------------------------------------------------------
    std::string outputDir;              // run folder: config, metrics, checkpoints, state
    bool saveEveryEpoch = true;         // a save_pretrained checkpoint after each epoch (the
                                        // last epoch's is always saved)
    int saveEverySteps = 0;             // the resumable state every N steps as well (0 = at the
                                        // end of each epoch and at a stop only): a crash, even
                                        // kill -9, loses at most N steps

    // The built-in demo, as the course: the general-English base model shipped in
    // resources/demo/base-model adapted to the reviews shipped beside it, in a few minutes on
    // two CPU cores, written to outputDir.
    static TrainingConfig demoPreset(const std::string& outputDir);

    // The masking settings of the run with a seed: the fresh masks of training use `seed`, the
    // frozen evaluation masks `evalMaskSeed`, a preview any.
    MaskingOptions masking(uint64_t maskSeed) const;

    std::string toJson() const;
    static TrainingConfig fromJson(const std::string& text, const std::string& where);
    static TrainingConfig fromFile(const std::string& path);
    // Every value that cannot work: the setting's JSON key, the rule it breaks in words that
    // need no key (shown at the field in the window) and a sentence naming the key (for the CLI
    // and the JSON file). Empty when the run can start; validate() reports the first.
    struct Problem {
        std::string key;
        std::string rule;
        std::string message;
    };
    std::vector<Problem> problems() const;
    // Throws masklab::Error with the first of problems().
    void validate() const;
};

// The one-line description of a setting by its JSON key (empty for an unknown key): the text of
// `masklab-cli train --help` and of the window's settings form, which translates it (the entries
// are marked for lupdate in training_setting_help.cpp).
std::string trainingSettingHelp(const std::string& key);

// Calls visitor(jsonKey, member) for every setting, in the order of the struct: the one table
// that the JSON reader and writer, the CLI's flags and the GUI's form are built from.
template <typename Visitor>
void visitTrainingFields(TrainingConfig& c, Visitor&& v)
{
    v("model", c.model);
    v("from_scratch", c.fromScratch);
    v("tokenizer", c.tokenizer);
    v("scratch_vocab_size", c.scratchVocabSize);
    v("dropout", c.dropout);
    v("attention_dropout", c.attentionDropout);
    v("corpus", c.corpus);
    v("split", c.split);
    v("text_field", c.textField);
    v("chunk_size", c.chunkSize);
    v("group_size", c.groupSize);
    v("train_size", c.trainSize);
    v("test_size", c.testSize);
    v("split_seed", c.splitSeed);
    v("whole_word", c.wholeWord);
    v("mlm_probability", c.mlmProbability);
    v("wwm_probability", c.wwmProbability);
    v("mask_share", c.maskShare);
    v("random_share", c.randomShare);
    v("eval_mask_seed", c.evalMaskSeed);
    v("learning_rate", c.learningRate);
    v("weight_decay", c.weightDecay);
    v("adam_beta1", c.adamBeta1);
    v("adam_beta2", c.adamBeta2);
    v("adam_epsilon", c.adamEpsilon);
    v("batch_size", c.batchSize);
    v("gradient_accumulation", c.gradientAccumulation);
    v("epochs", c.epochs);
    v("warmup_steps", c.warmupSteps);
    v("max_grad_norm", c.maxGradNorm);
    v("seed", c.seed);
    v("eval_every_steps", c.evalEverySteps);
    v("eval_before_training", c.evalBeforeTraining);
    v("eval_batch_size", c.evalBatchSize);
    v("log_every_steps", c.logEverySteps);
    v("device", c.device);
    v("precision", c.precision);
    v("threads", c.threads);
    v("ddp_bucket_cap_mb", c.ddpBucketCapMb);
    v("ddp_timeout", c.ddpTimeout);
    v("output_dir", c.outputDir);
    v("save_every_epoch", c.saveEveryEpoch);
    v("save_every_steps", c.saveEverySteps);
}

// Where the demo corpus is: $MASKLAB_DEMO_DIR, the source tree's resources/demo, or the
// installed share/masklab/demo. Throws masklab::Error listing the places tried.
std::string demoCorpusPath();

// The demo's general-English base model (base-model/, a save_pretrained folder), found the same
// way.
std::string demoBaseModelPath();

}  // namespace masklab
