// torch.save's zip format (PyTorch >= 1.6) as Hugging Face's pytorch_model.bin holds it: a zip
// of stored (uncompressed) records, `<archive>/data.pkl` with the pickled state dict and
// `<archive>/data/<key>` with each storage's bytes.
//
// LibTorch's torch::pickle_load is not used: in LibTorch 1.13 it turns a top-level
// collections.OrderedDict (what model.state_dict() returns) into None, it cannot rebuild an
// nn.Parameter, and it moves storages saved from a GPU ("cuda:0") onto that GPU, which fails on
// a CPU build. So MaskLab reads the zip itself (torch_zip.cpp) and runs the small pickle machine
// below, which knows only what a state dict needs (like torch.load(weights_only=True)) and
// never runs code.
#include "masklab/tensor_io.h"

#include "masklab/error.h"
#include "masklab/message.h"
#include "formats/mapped_file.h"
#include "formats/torch_zip.h"
#include "support/quote.h"

#include <ATen/ATen.h>

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

namespace masklab {
namespace {

// What MappedFile says when a checkpoint cannot be read.
const MappedFileMessages kMappedCheckpoint = {
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot open the PyTorch checkpoint {1}: {2}; check the path and its permissions"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot read the PyTorch checkpoint {1}: it is not a regular file"),
    MASKLAB_TRANSLATE_NOOP("Engine", "cannot map the PyTorch checkpoint {1}: {2}"),
};

struct Value;
using Ref = std::shared_ptr<Value>;

// The Python values a pickled state dict is made of.
struct Value {
    enum class Kind { None, Bool, Int, Float, String, Tuple, List, Dict, Global, Storage, Tensor };
    Kind kind = Kind::None;
    int64_t integer = 0;     // Bool, Int; Storage: its element count
    double real = 0;         // Float
    std::string text;        // String; Global: "module.name"; Storage: its record name
    std::vector<Ref> items;  // Tuple, List; Dict: key, value, key, value, ... in insertion order
    at::ScalarType dtype = at::kFloat;  // Storage, and the Global of a storage class
    bool isStorageClass = false;        // Global
    at::Tensor tensor;                  // Tensor
    int depth = 0;                      // how deeply items nest below this value
};

// Deeper than any state dict (which nests three or four levels), shallow enough for the
// recursion in a value's destructor.
constexpr int kMaxDepth = 1000;

Ref make(Value::Kind kind)
{
    auto v = std::make_shared<Value>();
    v->kind = kind;
    return v;
}

// torch.<Name>Storage classes of the dtypes a model checkpoint holds.
bool storageDtype(const std::string& global, at::ScalarType& dtype)
{
    static const std::map<std::string, at::ScalarType> kStorages = {
        {"torch.DoubleStorage", at::kDouble}, {"torch.FloatStorage", at::kFloat},
        {"torch.HalfStorage", at::kHalf},     {"torch.BFloat16Storage", at::kBFloat16},
        {"torch.LongStorage", at::kLong},     {"torch.IntStorage", at::kInt},
        {"torch.ShortStorage", at::kShort},   {"torch.CharStorage", at::kChar},
        {"torch.ByteStorage", at::kByte},     {"torch.BoolStorage", at::kBool},
    };
    const auto it = kStorages.find(global);
    if (it == kStorages.end()) return false;
    dtype = it->second;
    return true;
}

class Unpickler {
public:
    Unpickler(const std::string& path, const TorchZip& zip, const ZipRecord& pickle, std::string prefix)
        : m_path(path), m_zip(zip), m_pos(pickle.data), m_end(pickle.data + pickle.size), m_prefix(std::move(prefix))
    {
    }
    // Every value it made lets go of its items first: a list that holds itself (a cycle through
    // the memo) is freed too, and no destructor recurses down a long chain.
    ~Unpickler()
    {
        for (const Ref& v : m_made) v->items.clear();
    }
    Unpickler(const Unpickler&) = delete;
    Unpickler& operator=(const Unpickler&) = delete;

    Ref run();

private:
    [[noreturn]] void fail(Message problem) const { unreadableCheckpoint(m_path, std::move(problem)); }

    // The values of this pickle, kept so that ~Unpickler can unlink them (shadows ::make).
    Ref make(Value::Kind kind)
    {
        Ref v = masklab::make(kind);
        m_made.push_back(v);
        return v;
    }
    // Records that `item` now sits inside `container`, refusing nesting past kMaxDepth.
    void nest(Value& container, const Value& item) const
    {
        container.depth = std::max(container.depth, item.depth + 1);
        if (container.depth > kMaxDepth)
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle nests values more than {1} levels deep, which no "
                                                "state dict does"))
                     .count(kMaxDepth));
    }

    const uint8_t* take(uint64_t bytes)
    {
        if (bytes > uint64_t(m_end - m_pos))
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle data.pkl ends early")));
        const uint8_t* p = m_pos;
        m_pos += bytes;
        return p;
    }
    uint64_t takeLe(int bytes) { return readLittleEndian(take(bytes), bytes); }
    std::string takeString(uint64_t bytes)
    {
        const uint8_t* p = take(bytes);
        return std::string(reinterpret_cast<const char*>(p), bytes);
    }
    std::string takeLine()
    {
        const uint8_t* newline = static_cast<const uint8_t*>(std::memchr(m_pos, '\n', m_end - m_pos));
        if (!newline) fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle data.pkl ends early")));
        std::string line(reinterpret_cast<const char*>(m_pos), newline - m_pos);
        m_pos = newline + 1;
        return line;
    }

    Ref pop()
    {
        if (m_stack.size() <= (m_marks.empty() ? 0 : m_marks.back()))
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle pops an empty stack")));
        Ref v = std::move(m_stack.back());
        m_stack.pop_back();
        return v;
    }
    Ref& top()
    {
        if (m_stack.empty()) fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle reads an empty stack")));
        return m_stack.back();
    }
    // The values pushed since the last MARK, which is dropped.
    std::vector<Ref> popMark()
    {
        if (m_marks.empty())
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle has no MARK where one is needed")));
        std::vector<Ref> items(m_stack.begin() + static_cast<std::ptrdiff_t>(m_marks.back()), m_stack.end());
        m_stack.resize(m_marks.back());
        m_marks.pop_back();
        return items;
    }
    Ref tuple(std::vector<Ref> items)
    {
        Ref t = make(Value::Kind::Tuple);
        for (const Ref& item : items) nest(*t, *item);
        t->items = std::move(items);
        return t;
    }
    void memoize(uint64_t index) { m_memo[index] = top(); }
    Ref recall(uint64_t index)
    {
        const auto it = m_memo.find(index);
        if (it == m_memo.end())
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle recalls an unknown memo entry")));
        return it->second;
    }

    Ref global(const std::string& module, const std::string& name);
    Ref call(const Ref& callable, const Ref& args);
    Ref storage(const Ref& id);
    Ref rebuildTensor(const std::vector<Ref>& args);
    // The formats name what is read ("a tensor's stride is not a tuple"), each a sentence of its own.
    int64_t integer(const Ref& v, const char* notInteger) const;
    std::vector<int64_t> integers(const Ref& v, const char* notTuple, const char* notInteger) const;

    const std::string& m_path;
    const TorchZip& m_zip;
    const uint8_t* m_pos;
    const uint8_t* m_end;
    std::string m_prefix;  // "<archive>/data/"
    std::vector<Ref> m_stack;
    std::vector<std::size_t> m_marks;
    std::map<uint64_t, Ref> m_memo;
    std::map<std::string, Ref> m_storages;  // by record key: views of one storage share it
    std::vector<Ref> m_made;
};

Ref Unpickler::run()
{
    for (;;) {
        const uint8_t op = *take(1);
        switch (op) {
        case 0x80: take(1); break;                              // PROTO
        case 0x95: take(8); break;                              // FRAME
        case '.': return pop();                                 // STOP
        case '(': m_marks.push_back(m_stack.size()); break;     // MARK
        case '0': pop(); break;                                 // POP
        case '1': popMark(); break;                             // POP_MARK
        case '2': m_stack.push_back(top()); break;              // DUP
        case 'N': m_stack.push_back(make(Value::Kind::None)); break;
        case 0x88:                                              // NEWTRUE
        case 0x89: {                                            // NEWFALSE
            Ref v = make(Value::Kind::Bool);
            v->integer = op == 0x88;
            m_stack.push_back(v);
            break;
        }
        case 'J':                                               // BININT
        case 'K':                                               // BININT1
        case 'M': {                                             // BININT2
            Ref v = make(Value::Kind::Int);
            v->integer = op == 'J' ? int64_t(int32_t(uint32_t(takeLe(4)))) : int64_t(takeLe(op == 'K' ? 1 : 2));
            m_stack.push_back(v);
            break;
        }
        case 0x8a: {                                            // LONG1
            const uint64_t bytes = takeLe(1);
            if (bytes > 8)
                fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle holds an integer wider than 64 bits")));
            uint64_t raw = bytes ? takeLe(int(bytes)) : 0;
            if (bytes > 0 && bytes < 8 && (raw >> (8 * bytes - 1)) & 1) raw |= ~uint64_t(0) << (8 * bytes);
            Ref v = make(Value::Kind::Int);
            v->integer = int64_t(raw);
            m_stack.push_back(v);
            break;
        }
        case 'G': {                                             // BINFLOAT, big-endian
            const uint8_t* p = take(8);
            uint64_t bits = 0;
            for (int i = 0; i < 8; ++i) bits = (bits << 8) | p[i];
            Ref v = make(Value::Kind::Float);
            std::memcpy(&v->real, &bits, 8);
            m_stack.push_back(v);
            break;
        }
        case 'X':                                               // BINUNICODE
        case 0x8c:                                              // SHORT_BINUNICODE
        case 0x8d:                                              // BINUNICODE8
        case 'T':                                               // BINSTRING
        case 'U':                                               // SHORT_BINSTRING
        case 'B':                                               // BINBYTES
        case 'C': {                                             // SHORT_BINBYTES
            const int width = (op == 0x8c || op == 'U' || op == 'C') ? 1 : op == 0x8d ? 8 : 4;
            Ref v = make(Value::Kind::String);
            v->text = takeString(takeLe(width));
            m_stack.push_back(v);
            break;
        }
        case ')': m_stack.push_back(make(Value::Kind::Tuple)); break;  // EMPTY_TUPLE
        case 't': m_stack.push_back(tuple(popMark())); break;          // TUPLE
        case 0x85:                                                     // TUPLE1
        case 0x86:                                                     // TUPLE2
        case 0x87: {                                                   // TUPLE3
            std::vector<Ref> items(op - 0x84);
            for (auto it = items.rbegin(); it != items.rend(); ++it) *it = pop();
            m_stack.push_back(tuple(std::move(items)));
            break;
        }
        case ']': m_stack.push_back(make(Value::Kind::List)); break;   // EMPTY_LIST
        case 'l': {                                                    // LIST
            Ref list = make(Value::Kind::List);
            list->items = popMark();
            for (const Ref& item : list->items) nest(*list, *item);
            m_stack.push_back(list);
            break;
        }
        case 'a':                                                      // APPEND
        case 'e': {                                                    // APPENDS
            std::vector<Ref> items = op == 'a' ? std::vector<Ref>{pop()} : popMark();
            Ref& list = top();
            if (list->kind != Value::Kind::List)
                fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle appends to something that is not a list")));
            for (const Ref& item : items) nest(*list, *item);
            list->items.insert(list->items.end(), items.begin(), items.end());
            break;
        }
        case '}': m_stack.push_back(make(Value::Kind::Dict)); break;   // EMPTY_DICT
        case 'd':                                                      // DICT
        case 's':                                                      // SETITEM
        case 'u': {                                                    // SETITEMS
            std::vector<Ref> items;
            if (op == 's') {
                Ref value = pop();
                items = {pop(), value};
            } else {
                items = popMark();
            }
            if (items.size() % 2 != 0)
                fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle sets a dict key without a value")));
            if (op == 'd') m_stack.push_back(make(Value::Kind::Dict));
            Ref& dict = top();
            if (dict->kind != Value::Kind::Dict)
                fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle sets items of something that is "
                                                    "not a dict")));
            for (const Ref& item : items) nest(*dict, *item);
            dict->items.insert(dict->items.end(), items.begin(), items.end());
            break;
        }
        case 'q': memoize(takeLe(1)); break;                   // BINPUT
        case 'r': memoize(takeLe(4)); break;                   // LONG_BINPUT
        case 0x94: memoize(m_memo.size()); break;              // MEMOIZE
        case 'h': m_stack.push_back(recall(takeLe(1))); break; // BINGET
        case 'j': m_stack.push_back(recall(takeLe(4))); break; // LONG_BINGET
        case 'c': {                                            // GLOBAL
            const std::string module = takeLine();
            m_stack.push_back(global(module, takeLine()));
            break;
        }
        case 0x93: {                                           // STACK_GLOBAL
            Ref name = pop();
            Ref module = pop();
            if (module->kind != Value::Kind::String || name->kind != Value::Kind::String)
                fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle names a class with something that "
                                                    "is not a string")));
            m_stack.push_back(global(module->text, name->text));
            break;
        }
        case 'R': {                                            // REDUCE
            Ref args = pop();
            Ref callable = pop();
            m_stack.push_back(call(callable, args));
            break;
        }
        case 'b': pop(); break;  // BUILD: the state (OrderedDict._metadata, tensor attributes) is not needed
        case 'Q': m_stack.push_back(storage(pop())); break;    // BINPERSID
        default: {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", op);
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle uses opcode {1}, which a saved state dict does "
                                                "not need"))
                     .arg(hex));
        }
        }
    }
}

Ref Unpickler::global(const std::string& module, const std::string& name)
{
    Ref g = make(Value::Kind::Global);
    g->text = module + "." + name;
    g->isStorageClass = storageDtype(g->text, g->dtype);
    return g;
}

int64_t Unpickler::integer(const Ref& v, const char* notInteger) const
{
    if (v->kind != Value::Kind::Int && v->kind != Value::Kind::Bool) fail(Message(notInteger));
    return v->integer;
}

std::vector<int64_t> Unpickler::integers(const Ref& v, const char* notTuple, const char* notInteger) const
{
    if (v->kind != Value::Kind::Tuple && v->kind != Value::Kind::List) fail(Message(notTuple));
    std::vector<int64_t> values;
    for (const Ref& item : v->items) values.push_back(integer(item, notInteger));
    return values;
}

// A persistent id ('storage', torch.FloatStorage, key, location, numel): the record
// <archive>/data/<key>. The location ("cpu", "cuda:0") is ignored: everything loads on the CPU.
Ref Unpickler::storage(const Ref& id)
{
    if (id->kind != Value::Kind::Tuple || id->items.size() < 5 || id->items[0]->kind != Value::Kind::String ||
        id->items[0]->text != "storage" || id->items[2]->kind != Value::Kind::String)
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle refers to data that is not a tensor storage")));
    const Ref& type = id->items[1];
    if (type->kind != Value::Kind::Global || !type->isStorageClass) {
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "it holds a storage of type {1}, which MaskLab does not read (it "
                                            "reads float, half, bfloat16 and integer tensors)"))
                 .arg(type->kind == Value::Kind::Global ? excerpt(type->text, 60) : std::string("?")));
    }
    const std::string& key = id->items[2]->text;
    if (const auto it = m_storages.find(key); it != m_storages.end()) {
        if (it->second->dtype != type->dtype)
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "storage {1} is saved with two dtypes")).arg(inQuotes(key)));
        return it->second;
    }
    const int64_t numel =
        integer(id->items[4], MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's storage size is not an integer"));
    const auto record = m_zip.records().find(m_prefix + key);
    if (record == m_zip.records().end())
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its storage record {1} is missing"))
                 .arg(inQuotes(m_prefix + key, 60)));
    if (numel < 0 || uint64_t(numel) > record->second.size / c10::elementSize(type->dtype))
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its storage record {1} is shorter than the pickle says"))
                 .arg(inQuotes(m_prefix + key, 60)));
    Ref s = make(Value::Kind::Storage);
    s->text = record->first;
    s->integer = numel;
    s->dtype = type->dtype;
    m_storages[key] = s;
    return s;
}

// torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, metadata])
// and the older _rebuild_tensor(storage, offset, size, stride). Each tensor gets its own
// contiguous copy, so tied weights come back as equal, independent tensors.
Ref Unpickler::rebuildTensor(const std::vector<Ref>& args)
{
    if (args.size() < 4 || args[0]->kind != Value::Kind::Storage)
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor is saved in an unknown way")));
    const Value& storage = *args[0];
    const int64_t offset =
        integer(args[1], MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's storage offset is not an integer"));
    if (offset < 0) fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor starts at a negative storage offset")));
    const std::vector<int64_t> sizes =
        integers(args[2], MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's size is not a tuple"),
                 MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's size is not an integer"));
    const std::vector<int64_t> strides =
        integers(args[3], MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's stride is not a tuple"),
                 MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's stride is not an integer"));
    if (sizes.size() != strides.size())
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's size and stride differ in length")));
    int64_t last = offset;  // the highest element the view reads
    bool empty = false;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
        if (sizes[i] < 0 || strides[i] < 0)
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor has a negative size or stride")));
        if (sizes[i] == 0) empty = true;
        else if (strides[i] > 0 && sizes[i] - 1 > (INT64_MAX - last) / strides[i])
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor's view overflows")));
        else last += (sizes[i] - 1) * strides[i];
    }
    const auto options = at::TensorOptions().dtype(storage.dtype);
    Ref t = make(Value::Kind::Tensor);
    if (empty) {
        t->tensor = at::empty(sizes, options);
        return t;
    }
    if (offset < 0 || last >= storage.integer)
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor reads past the end of its storage {1}"))
                 .arg(inQuotes(storage.text)));

    const ZipRecord& record = m_zip.records().at(storage.text);
    const std::size_t itemSize = c10::elementSize(storage.dtype);
    void* base = const_cast<uint8_t*>(record.data);  // only read: from_blob wants a mutable pointer
    at::Tensor aligned;
    if (reinterpret_cast<uintptr_t>(base) % itemSize != 0) {  // torch.save aligns records to 64 bytes
        aligned = at::empty({storage.integer}, options);
        std::memcpy(aligned.data_ptr(), base, storage.integer * itemSize);
        base = aligned.data_ptr();
    }
    const at::Tensor view = at::from_blob(static_cast<uint8_t*>(base) + offset * itemSize, sizes, strides, options);
    t->tensor = view.clone(at::MemoryFormat::Contiguous);
    return t;
}

Ref Unpickler::call(const Ref& callable, const Ref& args)
{
    if (callable->kind != Value::Kind::Global || args->kind != Value::Kind::Tuple)
        fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle calls something that is not a known function")));
    const std::string& name = callable->text;
    const std::vector<Ref>& a = args->items;
    if (name == "collections.OrderedDict") return make(Value::Kind::Dict);
    if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor") return rebuildTensor(a);
    if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
        if (a.empty() || a[0]->kind != Value::Kind::Tensor)
            fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a parameter is saved without its tensor")));
        return a[0];
    }
    if (name == "torch._tensor._rebuild_from_type_v2") {  // (function, type, args, state): a tensor with attributes
        if (a.size() < 3) fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "a tensor is saved in an unknown way")));
        return call(a[0], a[2]);
    }
    fail(Message(MASKLAB_TRANSLATE_NOOP("Engine", "its pickle calls {1}, which a state dict of tensors does not need"))
             .arg(excerpt(name, 60)));
}

// The start of every pickle saved by torch.save before PyTorch 1.6: PROTO 2 and the magic
// number 0x1950a86a20f9469cfc6c as LONG1.
bool isLegacyFormat(const MappedFile& file)
{
    static const uint8_t kMagic[] = {0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc, 0x9c, 0x46, 0xf9, 0x20, 0x6a, 0xa8, 0x50, 0x19};
    return file.size() >= sizeof kMagic && std::memcmp(file.data(), kMagic, sizeof kMagic) == 0;
}

}  // namespace

TensorList readPytorchBin(const std::string& path)
{
    const MappedFile file(path, kMappedCheckpoint);
    // The advice to save again is written out in these sentences: lupdate needs each whole in one literal.
    if (isLegacyFormat(file)) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is in torch.save's legacy format (PyTorch "
                                                          "before 1.6), which MaskLab does not read; load it with "
                                                          "Python's torch.load and save it again with a recent "
                                                          "torch.save, or as safetensors"))
                               .arg(path));
    }
    if (file.size() < 4 || readLittleEndian(file.data(), 4) != 0x04034b50) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1} is not a PyTorch checkpoint (torch.save "
                                                          "writes a zip file, and this is none); check the path, or "
                                                          "load it with Python's torch.load and save it again with a "
                                                          "recent torch.save, or as safetensors"))
                               .arg(path));
    }
    try {
        const TorchZip zip(path, file);
        // The archive folder is named after the saved file ("pytorch_model/data.pkl"); any name goes.
        const ZipRecord* pickle = nullptr;
        std::string archive;
        for (const auto& [name, record] : zip.records()) {
            const auto slash = name.find('/');
            if (slash != std::string::npos && name.compare(slash, std::string::npos, "/data.pkl") == 0) {
                if (pickle)
                    unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "it holds two data.pkl records")));
                pickle = &record;
                archive = name.substr(0, slash + 1);
            }
        }
        if (!pickle)
            unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "it has no data.pkl record (is it a TorchScript "
                                                            "model or another zip?)")));
        if (const auto order = zip.records().find(archive + "byteorder"); order != zip.records().end()) {
            if (std::string(reinterpret_cast<const char*>(order->second.data), order->second.size) != "little")
                unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "it was saved on a big-endian machine")));
        }

        Unpickler unpickler(path, zip, *pickle, archive + "data/");  // alive while root is read
        const Ref root = unpickler.run();
        if (root->kind != Value::Kind::Dict)
            unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "it does not hold a dict of tensors (a state "
                                                            "dict)")));
        TensorList tensors;
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i + 1 < root->items.size(); i += 2) {
            const Value& key = *root->items[i];
            const Value& value = *root->items[i + 1];
            if (key.kind != Value::Kind::String)
                unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "a key of its state dict is not a string")));
            if (value.kind != Value::Kind::Tensor) {
                unreadableCheckpoint(path, Message(MASKLAB_TRANSLATE_NOOP("Engine", "its entry {1} is not a tensor (a checkpoint "
                                                                "that wraps the state dict, such as {\"state_dict\": "
                                                                "...}, must be unwrapped)"))
                                     .arg(inQuotes(key.text)));
            }
            const auto [it, added] = index.emplace(key.text, tensors.size());
            if (added) tensors.push_back({key.text, value.tensor});
            else tensors[it->second].tensor = value.tensor;  // a Python dict keeps the last value
        }
        return tensors;
    } catch (const c10::Error& e) {
        throw MessageError(Message(MASKLAB_TRANSLATE_NOOP("Engine", "{1}: cannot rebuild a tensor ({2}); load it with "
                                                          "Python's torch.load and save it again with a recent "
                                                          "torch.save, or as safetensors"))
                               .arg(path)
                               .arg(excerpt(e.what_without_backtrace(), 120)));
    }
}

}  // namespace masklab
