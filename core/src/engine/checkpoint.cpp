#include "masklab/checkpoint.h"
#include "masklab/message.h"

#include "hub/hub_cache.h"

#include "masklab/error.h"

#include <torch/torch.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace masklab {
namespace fs = std::filesystem;

namespace {

std::string shapeText(const at::Tensor& t)
{
    std::string s = "[";
    for (int64_t i = 0; i < t.dim(); ++i) s += (i ? ", " : "") + std::to_string(t.size(i));
    return s + "]";
}

// The items one to a line ("\n  <item>"), the first `most` of them: a chain of messages, so that
// each item is translated on its own. The chain's own formats are only layout, no words:
// unmarked, like messageOf's "{1}", so the window keeps them as they are.
Message joinList(const std::vector<Message>& items, std::size_t most = 12)
{
    Message list("");
    for (std::size_t i = 0; i < items.size() && i < most; ++i)
        list = Message("{1}\n  {2}").inner(std::move(list)).inner(items[i]);
    if (items.size() > most)
        list = Message("{1}\n  {2}")
                   .inner(std::move(list))
                   .inner(Message(MASKLAB_TRANSLATE_NOOP("Engine", "... and {1} more"))
                              .count(static_cast<int64_t>(items.size() - most)));
    return list;
}

// Old checkpoints (the hub's bert-base-uncased among them) name LayerNorm parameters gamma and
// beta, as TensorFlow did; transformers renames them on load ("legacy" in its
// conversion_mapping.py), and so do we.
std::string currentTensorName(const std::string& name)
{
    auto endsWith = [&](const std::string& suffix) {
        return name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    const bool norm = name.find("LayerNorm.") != std::string::npos || name.find("layer_norm.") != std::string::npos;
    if (norm && endsWith(".gamma")) return name.substr(0, name.size() - 6) + ".weight";
    if (norm && endsWith(".beta")) return name.substr(0, name.size() - 5) + ".bias";
    return name;
}

}  // namespace

std::vector<std::string> loadStateDict(MaskedLanguageModelImpl& model, const TensorList& tensors, const std::string& where)
{
    std::map<std::string, const at::Tensor*> byName;
    for (const NamedTensor& t : tensors) byName[currentTensorName(t.name)] = &t.tensor;

    auto params = model.named_parameters();
    std::vector<Message> missing, misshaped;
    std::vector<std::string> warnings;
    for (const auto& item : params) {
        const auto found = byName.find(item.key());
        if (found == byName.end()) {
            missing.push_back(Message("{1} {2}").arg(item.key()).arg(shapeText(item.value())));  // no words
        } else if (found->second->sizes() != item.value().sizes()) {
            misshaped.push_back(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: checkpoint {2}, model {3}"))
                                    .arg(item.key())
                                    .arg(shapeText(*found->second))
                                    .arg(shapeText(item.value())));
        } else if (!found->second->is_floating_point()) {
            misshaped.push_back(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: stored as {2}, a floating-point type is "
                                                               "needed"))
                                    .arg(item.key())
                                    .arg(c10::toString(found->second->scalar_type())));
        }
    }
    // One whole format for each case, so that a translation can order its parts.
    if (!missing.empty() && !misshaped.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} does not fit a {2} with this config.json:\n"
                                                          "missing tensors:{3}\n"
                                                          "tensors of the wrong shape or type:{4}\n"
                                                          "Check that config.json belongs to these weights "
                                                          "(vocab_size, dim, n_layers, hidden_dim)."))
                               .arg(where)
                               .arg(model.config().className())
                               .inner(joinList(missing))
                               .inner(joinList(misshaped)));
    if (!missing.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} does not fit a {2} with this config.json:\n"
                                                          "missing tensors:{3}\n"
                                                          "Check that config.json belongs to these weights "
                                                          "(vocab_size, dim, n_layers, hidden_dim)."))
                               .arg(where)
                               .arg(model.config().className())
                               .inner(joinList(missing)));
    if (!misshaped.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} does not fit a {2} with this config.json:\n"
                                                          "tensors of the wrong shape or type:{3}\n"
                                                          "Check that config.json belongs to these weights "
                                                          "(vocab_size, dim, n_layers, hidden_dim)."))
                               .arg(where)
                               .arg(model.config().className())
                               .inner(joinList(misshaped)));
    const auto aliases = model.tiedAliases();
    {
        torch::NoGradGuard noGrad;
        for (auto& item : params) item.value().copy_(byName[item.key()]->to(torch::kFloat32));
    }
    for (const NamedTensor& t : tensors) {
        if (params.contains(currentTensorName(t.name))) continue;
        const auto alias = std::find_if(aliases.begin(), aliases.end(), [&](const auto& a) { return a.first == t.name; });
        if (alias != aliases.end()) {
            // A tied copy: it must be what it is tied to, or the checkpoint was trained untied.
            const at::Tensor& tiedTo = params[alias->second];
            if (t.tensor.sizes() != tiedTo.sizes() || !torch::equal(t.tensor.to(torch::kFloat32), tiedTo))
                warnings.push_back(t.name + " differs from the tensor it is tied to; the tied tensor is used");
            continue;
        }
        if (t.name.find("position_ids") != std::string::npos) continue;  // a buffer of old BERT checkpoints
        warnings.push_back("unused tensor in " + where + ": " + t.name + " " + shapeText(t.tensor));
    }
    return warnings;
}

TensorList stateDict(const MaskedLanguageModelImpl& model)
{
    TensorList list;
    for (const auto& item : model.named_parameters())
        list.push_back({item.key(), item.value().detach().to(torch::kCPU, torch::kFloat32).contiguous()});
    return list;
}

void checkTokenizerFits(const Tokenizer& tokenizer, const ModelConfig& config, const std::string& where)
{
    if (tokenizer.vocabSize() > config.vocabSize)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the tokenizer for {1} has {2} tokens but the model's embeddings "
                                                          "have {3} rows: use the tokenizer the model was trained with"))
                               .arg(where)
                               .count(tokenizer.vocabSize())
                               .count(config.vocabSize));
    if (tokenizer.specialTokens().mask < 0)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "the tokenizer for {1} has no [MASK] token: a masked language "
                                                          "model needs one"))
                               .arg(where));
}

PretrainedModel loadPretrained(const std::string& folderText)
{
    const fs::path folder(folderText);
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "model folder not found: {1} is not a folder; give a folder with "
                                                          "config.json and model.safetensors"))
                               .arg(folderText));
    const ModelConfig config = ModelConfig::fromFile((folder / "config.json").string());
    PretrainedModel loaded;
    loaded.folder = folderText;
    loaded.tokenizer = loadTokenizer(folderText);
    checkTokenizerFits(*loaded.tokenizer, config, folderText);

    TensorList tensors;
    std::string weights;
    if (fs::exists(folder / "model.safetensors")) {
        weights = (folder / "model.safetensors").string();
        tensors = readSafetensors(weights);
    } else if (fs::exists(folder / "pytorch_model.bin")) {
        weights = (folder / "pytorch_model.bin").string();
        tensors = readPytorchBin(weights);
    } else if (fs::exists(folder / "model.safetensors.index.json") || fs::exists(folder / "pytorch_model.bin.index.json")) {
        // Sharded weights (save_pretrained's max_shard_size): the index names the files.
        const bool safetensors = fs::exists(folder / "model.safetensors.index.json");
        weights = (folder / (safetensors ? "model.safetensors.index.json" : "pytorch_model.bin.index.json")).string();
        for (const std::string& shard : hub::shardsOfIndex(weights)) {
            const std::string path = (folder / shard).string();
            if (!fs::exists(path))
                throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} names {2}, which is not in the "
                                                                  "folder"))
                                       .arg(weights)
                                       .arg(shard));
            TensorList part = safetensors ? readSafetensors(path) : readPytorchBin(path);
            for (NamedTensor& t : part) tensors.push_back(std::move(t));
        }
    } else {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no weights in {1}: expected model.safetensors or pytorch_model.bin"))
                               .arg(folderText));
    }
    loaded.model = MaskedLanguageModel(config);
    loaded.warnings = loadStateDict(*loaded.model, tensors, weights);
    loaded.model->eval();
    return loaded;
}

void savePretrained(const std::string& folderText, const MaskedLanguageModelImpl& model, const Tokenizer& tokenizer)
{
    const fs::path folder(folderText);
    std::error_code ec;
    fs::create_directories(folder, ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot create the model folder {1}: {2}")).arg(folderText).arg(ec.message()));
    checkTokenizerFits(tokenizer, model.config(), folderText);

    // Weights first, then config and tokenizer: a reader that finds config.json finds weights.
    writeSafetensors((folder / "model.safetensors").string(), stateDict(model));
    const std::string temporary = (folder / "config.json.part").string();
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        if (!out || !(out << model.config().toJson()) || !out.flush())
            throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: check that the folder is writable and the disk "
                                                              "not full"))
                                   .arg(temporary));
    }
    fs::rename(temporary, folder / "config.json", ec);
    if (ec)
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot write {1}: {2}"))
                               .arg((folder / "config.json").string())
                               .arg(ec.message()));
    tokenizer.saveFiles(folderText);
}

}  // namespace masklab
