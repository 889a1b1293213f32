// SentencePieceTokenizer: the core's side of libmasklab_sentencepiece.so. Opens the module once
// per process (see sentencepiece_abi.h for why it is a module), then turns its byte spans into
// the Encoding the rest of MaskLab uses.
#include "masklab/sentencepiece_tokenizer.h"

#include "support/fnv_hash.h"
#include "masklab/error.h"
#include "masklab/message.h"
#include "text/sentencepiece_abi.h"
#include "text/sentencepiece_model_check.h"
#include "support/quote.h"

#include <dlfcn.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <mutex>
#include <sstream>
#include <thread>

namespace masklab {
namespace fs = std::filesystem;

namespace {

constexpr const char* kModuleFile = "libmasklab_sentencepiece.so";
constexpr const char* kModuleEnv = "MASKLAB_SENTENCEPIECE_MODULE";
constexpr std::string_view kWordStart = "\xE2\x96\x81";  // U+2581, sentencepiece's space

// RTLD_DEEPBIND keeps libsentencepiece bound to its own protobuf. The address and thread
// sanitizers refuse it (their interceptors would be bypassed), so their builds go without: the
// module then works only in processes that have not loaded another protobuf (no LibTorch).
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define MASKLAB_SPM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define MASKLAB_SPM_SANITIZED 1
#endif
#endif
#ifdef MASKLAB_SPM_SANITIZED
constexpr int kDeepBind = 0;
#else
constexpr int kDeepBind = RTLD_DEEPBIND;
#endif

// --- Finding and opening the module ---------------------------------------------------------

// Opens one candidate; on failure appends a line "\n  <path> (<why>)" to `tried` and returns
// null. `tried` is a chain of messages, so that each reason is translated on its own.
const masklab_spm_api* openModule(const std::string& path, Message& tried)
{
    auto fail = [&](Message why) -> const masklab_spm_api* {
        // Only layout, no words: unmarked, like messageOf's "{1}", so the window keeps it as it is.
        tried = Message("{1}\n  {2} ({3})").inner(std::move(tried)).arg(path).inner(std::move(why));
        return nullptr;
    };
    std::error_code ec;
    if (!fs::exists(path, ec))
        return fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "not found")));
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL | kDeepBind);
    if (!handle) {
        const char* why = dlerror();  // the system's words, as they are
        return fail(why ? Message("{1}").arg(why)
                        : Message(MASKLAB_TRANSLATE_NOOP("Engine", "dlopen failed")));
    }
    auto entry = reinterpret_cast<masklab_spm_get_api_fn>(dlsym(handle, MASKLAB_SPM_ENTRY));
    if (!entry) {
        dlclose(handle);
        return fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "no symbol {1}: not a MaskLab module"))
                        .arg(MASKLAB_SPM_ENTRY));
    }
    const masklab_spm_api* api = entry(MASKLAB_SPM_ABI_VERSION);
    if (!api || api->struct_size < sizeof(masklab_spm_api)) {
        dlclose(handle);
        return fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "built for another interface version than this "
                                                             "MaskLab ({1}); rebuild or reinstall it"))
                        .count(MASKLAB_SPM_ABI_VERSION));
    }
    return api;  // kept loaded for the life of the process
}

std::vector<std::string> moduleCandidates()
{
    std::vector<std::string> candidates;
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path lib = exe.parent_path().parent_path() / "lib";
        candidates.push_back((lib / kModuleFile).string());
        candidates.push_back((lib / "masklab" / kModuleFile).string());
    }
#ifdef MASKLAB_BUILD_LIBDIR
    candidates.push_back((fs::path(MASKLAB_BUILD_LIBDIR) / kModuleFile).string());
#endif
#ifdef MASKLAB_INSTALL_LIBDIR
    candidates.push_back((fs::path(MASKLAB_INSTALL_LIBDIR) / kModuleFile).string());
#endif
    return candidates;
}

// The module's table, opened on first use. A failure is not remembered, so that a later call
// (after the user fixes MASKLAB_SENTENCEPIECE_MODULE) can still succeed.
const masklab_spm_api& moduleApi()
{
    static std::mutex mutex;
    static const masklab_spm_api* api = nullptr;
    const std::lock_guard<std::mutex> lock(mutex);
    if (api)
        return *api;

    Message tried("");
    const char* env = std::getenv(kModuleEnv);
    if (env && *env) {
        api = openModule(env, tried);
        if (!api)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "cannot load the SentencePiece module named by {1}:{2}\n"
                                                         "Point {1} at {3} (built into <build>/lib) or unset it."))
                    .arg(kModuleEnv)
                    .inner(std::move(tried))
                    .arg(kModuleFile));
        return *api;
    }
    for (const std::string& candidate : moduleCandidates()) {
        if ((api = openModule(candidate, tried)))
            return *api;
    }
    throw MessageError(
        Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece support is unavailable: {1} could not be "
                                                 "loaded. Looked in:{2}\nBuild the masklab_sentencepiece "
                                                 "target, or set {3} to the path of {1}."))
            .arg(kModuleFile)
            .inner(std::move(tried))
            .arg(kModuleEnv));
}

// Turns an error returned by the module into a string and releases it.
std::string takeError(const masklab_spm_api& api, char* error)
{
    std::string message = error ? error : "";
    if (error)
        api.free_error(error);
    return message;
}

std::string readBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece model {1} cannot be opened: "
                                                     "check the path and its permissions"))
                .arg(path));
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

bool startsWithWordMark(const std::string& piece)
{
    return piece.compare(0, kWordStart.size(), kWordStart) == 0;
}

// --- Sinks the module calls back ------------------------------------------------------------

struct PieceSpan {
    int32_t id;
    uint32_t begin;  // bytes
    uint32_t end;
};

void collectPiece(void* user, int32_t id, uint32_t begin, uint32_t end)
{
    static_cast<std::vector<PieceSpan>*>(user)->push_back({id, begin, end});
}

void collectText(void* user, const char* data, size_t size)
{
    static_cast<std::string*>(user)->append(data, size);
}

// Maps byte offsets to code point offsets, walking forward from the last answer (sentencepiece
// gives spans in order, so a whole encoding costs one pass over the text).
class CharCounter {
public:
    explicit CharCounter(std::string_view text) : m_text(text) {}

    uint32_t at(uint32_t byte)
    {
        byte = std::min<uint32_t>(byte, uint32_t(m_text.size()));
        if (byte < m_byte) {
            m_byte = 0;
            m_chars = 0;
        }
        for (; m_byte < byte; ++m_byte)
            m_chars += (static_cast<unsigned char>(m_text[m_byte]) & 0xC0) != 0x80;
        return m_chars;
    }

private:
    std::string_view m_text;
    uint32_t m_byte = 0;
    uint32_t m_chars = 0;
};

std::string formatDouble(double value)
{
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

}  // namespace

// --- SentencePieceTokenizer -----------------------------------------------------------------

struct SentencePieceTokenizer::Model {
    const masklab_spm_api* api = nullptr;
    masklab_spm_model* handle = nullptr;

    ~Model()
    {
        if (handle)
            api->free_model(handle);
    }
};

std::unique_ptr<SentencePieceTokenizer> SentencePieceTokenizer::load(const std::string& path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece model not found: {1} does not exist"))
                .arg(path));
    const std::string bytes = readBytes(path);
    if (const std::string problem = sentencePieceCharsmapProblem(bytes); !problem.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is a damaged SentencePiece model: {2}; give the "
                                                     ".model file written by spm_train or save_pretrained"))
                .arg(path)
                .arg(problem));
    Fnv1a hash;
    hash.add(std::string_view("sentencepiece/1"));
    hash.add(bytes);

    const masklab_spm_api& api = moduleApi();
    auto model = std::make_shared<Model>();
    model->api = &api;
    const std::string error = takeError(api, api.load(path.c_str(), &model->handle));
    if (!error.empty() || !model->handle)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a SentencePiece model that can be loaded ({2}); "
                                                     "give the .model file written by spm_train or save_pretrained"))
                .arg(path)
                .arg(excerpt(error, 160)));
    return std::unique_ptr<SentencePieceTokenizer>(
        new SentencePieceTokenizer(path, std::move(model), hash.value()));
}

SentencePieceTokenizer::SentencePieceTokenizer(std::string path, std::shared_ptr<Model> model,
                                               uint64_t fingerprint)
    : m_path(std::move(path)), m_model(std::move(model)), m_fingerprint(fingerprint)
{
    const masklab_spm_api& api = *m_model->api;
    const int32_t size = api.vocab_size(m_model->handle);
    m_pieces.reserve(size_t(size));
    m_types.reserve(size_t(size));
    for (int32_t id = 0; id < size; ++id) {
        size_t length = 0;
        const char* piece = api.id_to_piece(m_model->handle, id, &length);
        m_pieces.emplace_back(piece ? piece : "", piece ? length : 0);
        m_types.push_back(uint8_t(api.piece_type(m_model->handle, id)));
    }

    masklab_spm_special_ids reserved{-1, -1, -1, -1};
    api.special_ids(m_model->handle, &reserved);
    auto first = [&](std::initializer_list<const char*> names, int32_t fallback) {
        for (const char* name : names) {
            const int32_t id = tokenToId(name);
            if (id >= 0)
                return id;
        }
        return fallback;
    };
    m_special.pad = first({"[PAD]", "<pad>"}, reserved.pad);
    m_special.unk = first({"<unk>", "[UNK]"}, reserved.unk);
    m_special.cls = first({"[CLS]", "<s>"}, -1);
    m_special.sep = first({"[SEP]", "</s>"}, -1);
    m_special.mask = first({"[MASK]", "<mask>"}, -1);

    const int32_t cls = tokenToId("[CLS]"), sep = tokenToId("[SEP]");
    const int32_t bos = tokenToId("<s>"), eos = tokenToId("</s>");
    if (cls >= 0 && sep >= 0) {
        m_wrapBegin = cls;
        m_wrapEnd = sep;
    } else if (bos >= 0 && eos >= 0) {
        m_wrapBegin = bos;
        m_wrapEnd = eos;
    }
}

SentencePieceTokenizer::~SentencePieceTokenizer() = default;

Encoding SentencePieceTokenizer::encode(std::string_view text, bool addSpecialTokens) const
{
    thread_local std::vector<PieceSpan> pieces;
    pieces.clear();
    const masklab_spm_api& api = *m_model->api;
    const std::string error = takeError(
        api, api.encode(m_model->handle, text.data(), text.size(), collectPiece, &pieces));
    if (!error.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece could not encode a text with {1}: {2}"))
                .arg(m_path)
                .arg(error));

    Encoding out;
    const size_t count = pieces.size() + 2;
    out.ids.reserve(count);
    out.wordIds.reserve(count);
    out.offsetBegin.reserve(count);
    out.offsetEnd.reserve(count);
    out.specialTokensMask.reserve(count);
    if (addSpecialTokens && m_wrapBegin >= 0)
        out.append(m_wrapBegin, kNoWord, 0, 0, true);

    CharCounter chars(text);
    int32_t word = -1;
    bool nextStartsWord = true;
    for (const PieceSpan& piece : pieces) {
        const bool valid = piece.id >= 0 && size_t(piece.id) < m_pieces.size();
        const uint8_t kind = valid ? m_types[size_t(piece.id)] : uint8_t(MASKLAB_SPM_INVALID);
        // Control and user-defined pieces stand alone, like Hugging Face's added tokens.
        const bool standalone = kind == MASKLAB_SPM_CONTROL || kind == MASKLAB_SPM_USER_DEFINED;
        if (nextStartsWord || standalone || (valid && startsWithWordMark(m_pieces[size_t(piece.id)])))
            ++word;
        nextStartsWord = standalone;
        const uint32_t begin = chars.at(piece.begin);
        const uint32_t end = chars.at(piece.end);
        out.append(piece.id, word, begin, end, standalone);
    }

    if (addSpecialTokens && m_wrapEnd >= 0)
        out.append(m_wrapEnd, kNoWord, 0, 0, true);
    return out;
}

std::string SentencePieceTokenizer::decode(const std::vector<int32_t>& ids,
                                           bool skipSpecialTokens) const
{
    const masklab_spm_api& api = *m_model->api;
    std::string text;
    std::vector<int32_t> run;  // ordinary pieces waiting for sentencepiece's decoder
    auto flush = [&] {
        if (run.empty())
            return;
        std::string decoded;
        const std::string error = takeError(
            api, api.decode(m_model->handle, run.data(), run.size(), collectText, &decoded));
        if (!error.empty())
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece could not decode ids with {1}: {2}"))
                    .arg(m_path)
                    .arg(error));
        // After a special token, a "▁word" keeps its space (Hugging Face's Metaspace decoder
        // strips it only at the very start).
        if (!text.empty() && startsWithWordMark(m_pieces[size_t(run.front())]))
            text.push_back(' ');
        text += decoded;
        run.clear();
    };
    for (const int32_t id : ids) {
        if (id < 0 || size_t(id) >= m_pieces.size())
            continue;  // as WordPieceTokenizer: ids outside the vocabulary are dropped
        if (!isSpecial(id)) {
            run.push_back(id);
        } else if (!skipSpecialTokens) {
            flush();
            text += m_pieces[size_t(id)];
        }
    }
    flush();
    return text;
}

int32_t SentencePieceTokenizer::vocabSize() const
{
    return int32_t(m_pieces.size());
}

std::string SentencePieceTokenizer::idToToken(int32_t id) const
{
    if (id < 0 || size_t(id) >= m_pieces.size())
        return {};
    return m_pieces[size_t(id)];
}

int32_t SentencePieceTokenizer::tokenToId(std::string_view token) const
{
    return m_model->api->piece_to_id(m_model->handle, token.data(), token.size());
}

bool SentencePieceTokenizer::isSpecial(int32_t id) const
{
    if (id < 0 || size_t(id) >= m_types.size())
        return false;
    const uint8_t type = m_types[size_t(id)];
    return type == MASKLAB_SPM_CONTROL || type == MASKLAB_SPM_UNKNOWN ||
           type == MASKLAB_SPM_USER_DEFINED;
}

Message SentencePieceTokenizer::describe() const
{
    const masklab_spm_api& api = *m_model->api;
    const std::string normalizer = api.normalizer_name(m_model->handle);
    if (normalizer.empty())
        return Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece {1}, {2} tokens"))
            .arg(api.model_type(m_model->handle))
            .count(vocabSize());
    return Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece {1}, {2} tokens, {3}"))
        .arg(api.model_type(m_model->handle))
        .count(vocabSize())
        .arg(normalizer);
}

// --- Training -------------------------------------------------------------------------------

void trainSentencePiece(const SentencePieceTrainOptions& options)
{
    if (options.inputs.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece training needs at least one input text file")));
    for (const std::string& input : options.inputs) {
        std::error_code ec;
        if (!fs::is_regular_file(input, ec))
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece training input {1} "
                                                         "does not exist or is not a file"))
                    .arg(input));
        if (input.find(',') != std::string::npos)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece training input {1} has a comma in its "
                                                         "path, which spm_train reads as a separator; rename it"))
                    .arg(input));
    }
    if (options.modelPrefix.empty())
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece training needs a model "
                                                     "prefix (where to write <prefix>.model)")));
    if (options.vocabSize <= 0)
        throw MessageError(
            Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece vocabulary size must be positive, not {1}"))
                .count(options.vocabSize));

    std::vector<std::string> flags;
    std::string inputs;
    for (const std::string& input : options.inputs)
        inputs += (inputs.empty() ? "" : ",") + input;
    flags.push_back("input=" + inputs);
    flags.push_back("model_prefix=" + options.modelPrefix);
    flags.push_back("vocab_size=" + std::to_string(options.vocabSize));
    flags.push_back(std::string("model_type=") +
                    (options.modelType == SentencePieceModelType::Bpe ? "bpe" : "unigram"));
    flags.push_back("character_coverage=" + formatDouble(options.characterCoverage));
    std::string symbols;
    for (const std::string& symbol : options.userDefinedSymbols) {
        if (symbol.empty() || symbol.find(',') != std::string::npos)
            throw MessageError(
                Message(MASKLAB_TRANSLATE_NOOP("Engine", "user-defined symbol \"{1}\" is empty or "
                                                         "holds a comma; spm_train cannot take it"))
                    .arg(symbol));
        symbols += (symbols.empty() ? "" : ",") + symbol;
    }
    if (!symbols.empty())
        flags.push_back("user_defined_symbols=" + symbols);
    flags.push_back("normalization_rule_name=" + options.normalization);
    flags.push_back("max_sentence_length=" + std::to_string(options.maxSentenceLength));
    if (options.inputSentenceSize > 0) {
        flags.push_back("input_sentence_size=" + std::to_string(options.inputSentenceSize));
        flags.push_back("shuffle_input_sentence=true");
    }
    const unsigned threads = options.numThreads > 0 ? unsigned(options.numThreads)
                                                    : std::max(1u, std::thread::hardware_concurrency());
    flags.push_back("num_threads=" + std::to_string(threads));
    // sentencepiece keeps the level for the process: set it on every run.
    flags.push_back(options.quiet ? "minloglevel=1" : "minloglevel=0");
    std::istringstream extra(options.extraFlags);
    for (std::string flag; extra >> flag;)
        flags.push_back(flag);

    std::vector<const char*> argv;
    argv.reserve(flags.size());
    for (const std::string& flag : flags)
        argv.push_back(flag.c_str());
    const masklab_spm_api& api = moduleApi();
    const std::string error = takeError(api, api.train(argv.data(), argv.size()));
    if (!error.empty())
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "SentencePiece training on {1} failed: {2}"))
                               .arg(inputs)
                               .arg(error));
}

}  // namespace masklab
