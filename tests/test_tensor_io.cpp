// Tensor files: safetensors written and read bit for bit, the byte layout of Hugging Face's
// library, files written by Python torch (a hand-built safetensors file and torch.save's
// pytorch_model.bin), and a masklab::Error naming the file for every damaged input.
#include "masklab/error.h"
#include "masklab/tensor_io.h"

#include <ATen/ATen.h>
#include <nlohmann/json.hpp>

#include <QtTest>

#include "peer_runner.h"

#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>

using namespace masklab;

namespace {

// Writes Python's files into the folder given as argv[1]. save_safetensors does what the
// safetensors library does: tensors ordered by dtype rank (the order of its Rust Dtype enum,
// highest first) then by name, compact JSON, padded with spaces to a multiple of 8 bytes.
const char* const kPythonScript = R"PY(
import collections, json, struct, sys
import torch

out = sys.argv[1]
DTYPES = {torch.float64: ("F64", 12), torch.float32: ("F32", 11), torch.float16: ("F16", 7),
          torch.bfloat16: ("BF16", 8), torch.int64: ("I64", 13), torch.int32: ("I32", 9),
          torch.int16: ("I16", 5), torch.int8: ("I8", 2), torch.uint8: ("U8", 1), torch.bool: ("BOOL", 0)}

def save_safetensors(tensors, path, metadata={"format": "pt"}):
    items = sorted(tensors.items(), key=lambda kv: (-DTYPES[kv[1].dtype][1], kv[0]))
    header = {"__metadata__": metadata} if metadata else {}
    blobs, offset = [], 0
    for name, t in items:
        raw = bytes(t.contiguous().reshape(-1).view(torch.uint8).tolist())  # fp16/bf16 as raw bytes
        header[name] = {"dtype": DTYPES[t.dtype][0], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode()
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + b"".join(blobs))

hand = {
    "w.f32": torch.arange(12, dtype=torch.float32).reshape(3, 4) / 8,
    "w.f16": (torch.arange(6, dtype=torch.float32) / 3).to(torch.float16),
    "w.bf16": (torch.arange(6, dtype=torch.float32) / 3).to(torch.bfloat16).reshape(2, 3),
    "ids": torch.tensor([1, -2, 3, 2 ** 40], dtype=torch.int64),
    "scalar": torch.tensor(3.5),
    "empty": torch.zeros(0, 3, dtype=torch.float16),
    "mask": torch.tensor([True, False, True]),
}
save_safetensors(hand, out + "/hand.safetensors")

class Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = torch.nn.Embedding(10, 4)
        self.norm = torch.nn.LayerNorm(4)
        self.decoder = torch.nn.Linear(4, 10)
        self.decoder.weight = self.embed.weight  # tied, as BERT ties its decoder

m = Tiny()
with torch.no_grad():
    m.embed.weight.copy_(torch.arange(40, dtype=torch.float32).reshape(10, 4) / 16)
    m.norm.weight.fill_(1.5)
    m.norm.bias.copy_(torch.tensor([0.25, -0.5, 0.75, -1.0]))
    m.decoder.bias.copy_(torch.arange(10, dtype=torch.float32) - 5)
sd = m.state_dict()  # an OrderedDict with _metadata; embed.weight and decoder.weight share storage
base = torch.arange(24, dtype=torch.float32) * 0.5
sd["extra.half"] = (torch.arange(8, dtype=torch.float32) / 7).to(torch.float16)
sd["extra.bf16"] = (torch.arange(8, dtype=torch.float32) / 7).to(torch.bfloat16)
sd["extra.view"] = base[5:17].view(3, 4)  # a view into the middle of a shared storage
sd["extra.base"] = base
sd["extra.transposed"] = base.view(4, 6).t()  # not contiguous
sd["extra.ids"] = torch.tensor([7, -1, 2 ** 40])
sd["extra.scalar"] = torch.tensor(2.25, dtype=torch.float64)
sd["extra.empty"] = torch.zeros(2, 0)
torch.save(sd, out + "/pytorch_model.bin")
save_safetensors(sd, out + "/expected.safetensors")
with open(out + "/expected_order.json", "w") as f:
    json.dump(list(sd.keys()), f)
torch.save(sd, out + "/protocol4.bin", pickle_protocol=4)  # FRAME, STACK_GLOBAL, MEMOIZE
torch.save({"p": torch.nn.Parameter(torch.tensor([1.0, 2.0]))}, out + "/parameter.bin")
torch.save(sd, out + "/legacy.bin", _use_new_zipfile_serialization=False)
# As saved from a GPU: every storage tagged "cuda:0".
import torch.serialization
torch.serialization.location_tag = lambda storage: "cuda:0"
torch.save(sd, out + "/gpu.bin")

# Hostile pickles inside the real file's zip (issue 12): data.pkl replaced, the rest kept.
import zipfile
def with_pickle(name, pkl):
    source = zipfile.ZipFile(out + "/pytorch_model.bin")
    with zipfile.ZipFile(out + "/" + name, "w", zipfile.ZIP_STORED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item.filename, pkl if item.filename.endswith("/data.pkl") else data)
storage_key = sorted(n.rsplit("/", 1)[1] for n in zipfile.ZipFile(out + "/pytorch_model.bin").namelist()
                     if "/data/" in n)[0].encode()
def text(s):
    return b"X" + struct.pack("<I", len(s)) + s
with_pickle("nested.bin", b"\x80\x02" + b")" + b"\x85" * 200000 + b".")           # 200,000 nested tuples
with_pickle("selflist.bin", b"\x80\x02}(" + text(b"w") + b"]q\x00h\x00au.")          # a list inside itself
with_pickle("negoffset.bin", b"\x80\x02}(" + text(b"w") + b"ctorch._utils\n_rebuild_tensor_v2\n(" +
            b"(" + text(b"storage") + b"ctorch\nFloatStorage\n" + text(storage_key) + text(b"cpu") + b"K\x04tQ" +
            b"J" + struct.pack("<i", -8) + b"K\x02\x85K\x01\x85\x89ccollections\nOrderedDict\n)RtRu.")
print(torch.__version__)
)PY";

QString describe(const at::Tensor& t)
{
    std::string text = std::string(c10::toString(t.scalar_type())) + "[";
    for (std::size_t i = 0; i < t.sizes().size(); ++i) text += (i ? "," : "") + std::to_string(t.sizes()[i]);
    return QString::fromStdString(text + "]");
}

// Same dtype, shape and bytes (so NaN payloads and -0 count).
bool sameBits(const at::Tensor& a, const at::Tensor& b)
{
    if (a.scalar_type() != b.scalar_type() || a.sizes() != b.sizes()) return false;
    const at::Tensor ca = a.contiguous();
    const at::Tensor cb = b.contiguous();
    const std::size_t bytes = ca.numel() * ca.element_size();
    return bytes == 0 || std::memcmp(ca.data_ptr(), cb.data_ptr(), bytes) == 0;
}

const at::Tensor* find(const TensorList& list, const std::string& name)
{
    for (const NamedTensor& t : list)
        if (t.name == name) return &t.tensor;
    return nullptr;
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return file.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(bytes), bytes.size());
}

// A safetensors file made of the given header text and data bytes.
QByteArray safetensorsBytes(const QByteArray& header, const QByteArray& data, quint64 headerLength)
{
    QByteArray bytes(8, '\0');
    for (int i = 0; i < 8; ++i) bytes[i] = char((headerLength >> (8 * i)) & 0xff);
    return bytes + header + data;
}

QByteArray safetensorsBytes(const QByteArray& header, const QByteArray& data)
{
    return safetensorsBytes(header, data, quint64(header.size()));
}

// The message of the masklab::Error that `f` throws, or an empty string.
QString errorOf(const std::function<void()>& f)
{
    try {
        f();
    } catch (const Error& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// One tensor of each dtype and of awkward shapes, with values whose bits matter.
TensorList sampleTensors()
{
    const float inf = std::numeric_limits<float>::infinity();
    const at::Tensor special = at::tensor({0.0f, -0.0f, inf, -inf, std::nanf(""), 1e-30f, 65504.0f, -1.5f});
    return {
        {"f32.matrix", at::arange(24, at::kFloat).reshape({2, 3, 4}) / 7},
        {"f32.special", special},
        {"f32.scalar", at::scalar_tensor(-2.75, at::kFloat)},
        {"f16.vector", special.to(at::kHalf)},
        {"f16.empty", at::empty({0, 3}, at::kHalf)},
        {"bf16.cube", (at::arange(8, at::kFloat) / 3).to(at::kBFloat16).reshape({2, 2, 2})},
        {"bf16.special", special.to(at::kBFloat16)},
        {"i64.ids", at::tensor(std::vector<int64_t>{0, -1, INT64_MAX, INT64_MIN, 1LL << 40})},
        {"i64.scalar", at::scalar_tensor(42, at::kLong)},
        {"i64.empty", at::empty({0}, at::kLong)},
        {"f64", at::arange(5, at::kDouble) / 3},
        {"i32", at::arange(-3, 3, at::kInt)},
        {"i16", at::arange(-3, 3, at::kShort)},
        {"i8", at::arange(-3, 3, at::kChar)},
        {"u8", at::arange(250, 256, at::kByte)},
        {"bool", at::tensor({1, 0, 1}).to(at::kBool)},
    };
}

}  // namespace

class TestTensorIo final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Python's files, made once for the tests that need them. PyTorch (the venv of .ci/setup-debian) is required.
        QProcess python;
        python.setProcessChannelMode(QProcess::SeparateChannels);
        python.start(testing::peerPython(), {"-c", kPythonScript, m_dir.path()});
        if (!python.waitForStarted(20000)) {
            m_pythonError = "cannot start the peer Python: run bash .ci/setup-debian (it sets up the venv)";
            return;
        }
        python.waitForFinished(-1);
        if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
            m_pythonError = "the Python script failed (is torch installed in the venv of .ci/setup-debian?): " +
                            QString::fromUtf8(python.readAllStandardError());
            return;
        }
        qInfo("files written by Python torch %s", python.readAllStandardOutput().trimmed().constData());
    }

    void roundTripIsBitIdentical()
    {
        const TensorList tensors = sampleTensors();
        const std::string path = file("round_trip.safetensors");
        writeSafetensors(path, tensors);
        const TensorList read = readSafetensors(path);
        QCOMPARE(read.size(), tensors.size());
        for (const NamedTensor& t : tensors) {
            const at::Tensor* back = find(read, t.name);
            QVERIFY2(back, t.name.c_str());
            QVERIFY2(sameBits(*back, t.tensor),
                     qPrintable(QString::fromStdString(t.name) + ": " + describe(*back) + " vs " + describe(t.tensor)));
        }
        // Name order, as the header documents.
        for (std::size_t i = 1; i < read.size(); ++i) QVERIFY(read[i - 1].name < read[i].name);
        // No temporary file is left beside the result.
        QCOMPARE(QDir(m_dir.path()).entryList({"round_trip*"}, QDir::Files), QStringList{"round_trip.safetensors"});
    }

    void writesViewsAsContiguousCopies()
    {
        const at::Tensor base = at::arange(12, at::kFloat).reshape({3, 4});
        const std::string path = file("views.safetensors");
        writeSafetensors(path, {{"transposed", base.t()}, {"slice", base.slice(1, 1, 3)}});
        const TensorList read = readSafetensors(path);
        QVERIFY(sameBits(*find(read, "transposed"), base.t().contiguous()));
        QVERIFY(sameBits(*find(read, "slice"), base.slice(1, 1, 3).contiguous()));
        QVERIFY(find(read, "transposed")->is_contiguous());
    }

    void metadataRoundTrip()
    {
        const std::string path = file("metadata.safetensors");
        const std::map<std::string, std::string> metadata{
            {"format", "pt"}, {"note", "caf\xc3\xa9, \"quoted\"\n"}, {"empty", ""}};
        writeSafetensors(path, {{"x", at::ones({2})}}, metadata);
        QVERIFY(readSafetensorsMetadata(path) == metadata);

        writeSafetensors(path, {{"x", at::ones({2})}});  // the default: {"format": "pt"}
        QVERIFY((readSafetensorsMetadata(path) == std::map<std::string, std::string>{{"format", "pt"}}));

        writeSafetensors(path, {{"x", at::ones({2})}}, {});
        QVERIFY(readSafetensorsMetadata(path).empty());
        QVERIFY(!readAll(QString::fromStdString(path)).contains("__metadata__"));
    }

    void byteLayoutMatchesTheSpec()
    {
        const std::string path = file("layout.safetensors");
        const TensorList tensors = sampleTensors();
        writeSafetensors(path, tensors);
        const QByteArray bytes = readAll(QString::fromStdString(path));
        QVERIFY(bytes.size() >= 8);
        quint64 length = 0;
        for (int i = 7; i >= 0; --i) length = (length << 8) | quint8(bytes[i]);
        QCOMPARE(length % 8, quint64(0));
        QVERIFY(quint64(bytes.size()) >= 8 + length);
        const std::string header = bytes.mid(8, int(length)).toStdString();
        // Compact JSON, then only spaces (fewer than 8) to the boundary.
        const std::size_t close = header.find_last_of('}');
        QVERIFY(header.find_first_not_of(' ', close + 1) == std::string::npos);
        QVERIFY(header.size() - close - 1 < 8);
        QVERIFY(header.find(": ") == std::string::npos && header.find(", ") == std::string::npos);
        QVERIFY(header.rfind("{\"__metadata__\":{\"format\":\"pt\"},", 0) == 0);

        // Tensors back to back from offset 0 in file order, widest dtype first, then by name.
        const nlohmann::ordered_json json = nlohmann::ordered_json::parse(header);
        const std::map<std::string, int> rank{{"BOOL", 0}, {"U8", 1}, {"I8", 2}, {"I16", 5}, {"F16", 7}, {"BF16", 8},
                                              {"I32", 9},  {"F32", 11}, {"F64", 12}, {"I64", 13}};
        quint64 offset = 0;
        std::string previousName;
        int previousRank = 100;
        int count = 0;
        for (const auto& [name, info] : json.items()) {
            if (name == "__metadata__") continue;
            ++count;
            const int r = rank.at(info["dtype"].get<std::string>());
            QVERIFY2(r < previousRank || (r == previousRank && name > previousName), name.c_str());
            previousRank = r;
            previousName = name;
            QCOMPARE(info["data_offsets"][0].get<quint64>(), offset);
            offset = info["data_offsets"][1].get<quint64>();
            // Key order of HF's TensorInfo.
            QCOMPARE(info.begin().key(), std::string("dtype"));
            QCOMPARE(std::next(info.begin(), 1).key(), std::string("shape"));
            QCOMPARE(std::next(info.begin(), 2).key(), std::string("data_offsets"));
            // Every tensor starts aligned to its item size.
            QCOMPARE((8 + length + info["data_offsets"][0].get<quint64>()) % find(tensors, name)->element_size(),
                     quint64(0));
        }
        QCOMPARE(count, int(tensors.size()));
        QCOMPARE(8 + length + offset, quint64(bytes.size()));
    }

    void readsSafetensorsWrittenByPython()
    {
        QVERIFY2(m_pythonError.isEmpty(), qPrintable(m_pythonError));
        // The same tensors, computed here by LibTorch.
        const TensorList expected = {
            {"w.f32", at::arange(12, at::kFloat).reshape({3, 4}) / 8},
            {"w.f16", (at::arange(6, at::kFloat) / 3).to(at::kHalf)},
            {"w.bf16", (at::arange(6, at::kFloat) / 3).to(at::kBFloat16).reshape({2, 3})},
            {"ids", at::tensor(std::vector<int64_t>{1, -2, 3, 1LL << 40})},
            {"scalar", at::scalar_tensor(3.5, at::kFloat)},
            {"empty", at::zeros({0, 3}, at::kHalf)},
            {"mask", at::tensor({1, 0, 1}).to(at::kBool)},
        };
        const QString python = m_dir.filePath("hand.safetensors");
        const TensorList read = readSafetensors(python.toStdString());
        QCOMPARE(read.size(), expected.size());
        for (const NamedTensor& t : expected) {
            const at::Tensor* back = find(read, t.name);
            QVERIFY2(back, t.name.c_str());
            QVERIFY2(sameBits(*back, t.tensor), t.name.c_str());
        }
        QVERIFY((readSafetensorsMetadata(python.toStdString()) == std::map<std::string, std::string>{{"format", "pt"}}));
        QCOMPARE(find(read, "w.f16")->to(at::kFloat)[3].item<float>(), 1.0f);
        QCOMPARE(find(read, "w.bf16")->to(at::kFloat)[1][2].item<float>(), 1.6640625f);  // 5/3 in bfloat16

        // Our writer produces the very same bytes as the Python writer of the spec.
        const std::string ours = file("hand_ours.safetensors");
        writeSafetensors(ours, expected);
        QCOMPARE(readAll(QString::fromStdString(ours)), readAll(python));
    }

    void readsPytorchBinSavedByPython()
    {
        QVERIFY2(m_pythonError.isEmpty(), qPrintable(m_pythonError));
        const TensorList expected = readSafetensors(m_dir.filePath("expected.safetensors").toStdString());
        std::vector<std::string> order;
        {
            std::ifstream in(m_dir.filePath("expected_order.json").toStdString());
            order = nlohmann::json::parse(in).get<std::vector<std::string>>();
        }
        for (const char* name : {"pytorch_model.bin", "gpu.bin", "protocol4.bin"}) {
            const TensorList read = readPytorchBin(m_dir.filePath(name).toStdString());
            std::vector<std::string> names;
            for (const NamedTensor& t : read) names.push_back(t.name);
            QVERIFY2(names == order, name);  // the saved dict's order
            for (const NamedTensor& t : read) {
                const at::Tensor* want = find(expected, t.name);
                QVERIFY2(want, t.name.c_str());
                QVERIFY2(sameBits(t.tensor, *want),
                         qPrintable(QString(name) + " " + QString::fromStdString(t.name) + ": " + describe(t.tensor) +
                                    " vs " + describe(*want)));
                QVERIFY(t.tensor.device().is_cpu());
                QVERIFY(t.tensor.is_contiguous());
            }
            // Values computed here: the tied pair, a view into a storage's middle, a transpose.
            const at::Tensor embed = at::arange(40, at::kFloat).reshape({10, 4}) / 16;
            QVERIFY(sameBits(*find(read, "embed.weight"), embed));
            QVERIFY(sameBits(*find(read, "decoder.weight"), embed));
            QVERIFY(find(read, "embed.weight")->data_ptr() != find(read, "decoder.weight")->data_ptr());
            const at::Tensor base = at::arange(24, at::kFloat) * 0.5;
            QVERIFY(sameBits(*find(read, "extra.view"), base.slice(0, 5, 17).view({3, 4})));
            QVERIFY(sameBits(*find(read, "extra.transposed"), base.view({4, 6}).t().contiguous()));
            QVERIFY(sameBits(*find(read, "extra.half"), (at::arange(8, at::kFloat) / 7).to(at::kHalf)));
            QVERIFY(sameBits(*find(read, "extra.bf16"), (at::arange(8, at::kFloat) / 7).to(at::kBFloat16)));
            QCOMPARE(find(read, "extra.ids")->data_ptr<int64_t>()[2], int64_t(1) << 40);
            QCOMPARE(find(read, "extra.scalar")->dim(), int64_t(0));
            QCOMPARE(find(read, "extra.scalar")->item<double>(), 2.25);
            QCOMPARE(find(read, "extra.empty")->sizes().vec(), (std::vector<int64_t>{2, 0}));
        }
        // A saved nn.Parameter comes back as its tensor.
        const TensorList parameter = readPytorchBin(m_dir.filePath("parameter.bin").toStdString());
        QCOMPARE(parameter.size(), std::size_t(1));
        QVERIFY(sameBits(parameter[0].tensor, at::tensor({1.0f, 2.0f})));
        QVERIFY(!parameter[0].tensor.requires_grad());
    }

    void rejectsTheLegacyFormat()
    {
        QVERIFY2(m_pythonError.isEmpty(), qPrintable(m_pythonError));
        const QString path = m_dir.filePath("legacy.bin");
        const QString message = errorOf([&] { readPytorchBin(path.toStdString()); });
        QVERIFY2(message.contains(path), qPrintable(message));
        QVERIFY2(message.contains("legacy format") && message.contains("safetensors"), qPrintable(message));
    }

    void rejectsDamagedPytorchBin()
    {
        QVERIFY2(m_pythonError.isEmpty(), qPrintable(m_pythonError));
        const QByteArray good = readAll(m_dir.filePath("pytorch_model.bin"));
        QVERIFY(!good.isEmpty());
        struct Case {
            const char* file;
            QByteArray bytes;
            const char* fragment;
        };
        const Case cases[] = {
            {"half.bin", good.left(good.size() / 2), "zip directory is missing"},
            {"empty.bin", QByteArray(), "not a PyTorch checkpoint"},
            {"text.bin", QByteArray("hello, this is not a checkpoint"), "not a PyTorch checkpoint"},
            {"safetensors.bin", readAll(m_dir.filePath("hand.safetensors")), "not a PyTorch checkpoint"},
            // Issue 12: a stack overflow in the values' destructor, a leaked cycle, and a signed
            // overflow before the offset check.
            {"nested.bin", readAll(m_dir.filePath("nested.bin")), "more than 1000 levels deep"},
            {"selflist.bin", readAll(m_dir.filePath("selflist.bin")), "is not a tensor"},
            {"negoffset.bin", readAll(m_dir.filePath("negoffset.bin")), "negative storage offset"},
        };
        for (const Case& c : cases) {
            const QString path = m_dir.filePath(c.file);
            writeAll(path, c.bytes);
            const QString message = errorOf([&] { readPytorchBin(path.toStdString()); });
            QVERIFY2(message.contains(path) && message.contains(c.fragment), qPrintable(c.file + (": " + message)));
        }
    }

    void rejectsDamagedSafetensors_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        const QByteArray one = R"({"x":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
        const QByteArray data(8, '\1');
        const QByteArray good = safetensorsBytes(one, data);
        QTest::newRow("truncated data") << good.left(good.size() - 3) << "outside the 5-byte data section";
        QTest::newRow("truncated header") << good.left(20) << "header length says";
        QTest::newRow("shorter than 8 bytes") << QByteArray("\x10\0\0", 3) << "fewer than the 8-byte header length";
        QTest::newRow("empty file") << QByteArray() << "fewer than the 8-byte header length";
        QTest::newRow("garbage header") << safetensorsBytes("not json, not at all!!!", data) << "not valid JSON";
        QTest::newRow("header not an object") << safetensorsBytes("[1,2,3]", {}) << "not a JSON object";
        QTest::newRow("header length larger than file")
            << safetensorsBytes(one, data, 1ULL << 40) << "header length says 1099511627776 bytes";
        QTest::newRow("unknown dtype")
            << safetensorsBytes(R"({"x":{"dtype":"F8_E4M3","shape":[2],"data_offsets":[0,2]}})", "\1\2")
            << "dtype \"F8_E4M3\", which MaskLab does not read";
        QTest::newRow("offsets out of range")
            << safetensorsBytes(R"({"x":{"dtype":"F32","shape":[100],"data_offsets":[0,400]}})", data)
            << "data offsets [0, 400] outside the 8-byte data section";
        QTest::newRow("offsets reversed")
            << safetensorsBytes(R"({"x":{"dtype":"F32","shape":[0],"data_offsets":[8,4]}})", data)
            << "data offsets [8, 4] that end before they begin";
        QTest::newRow("bytes do not match shape")
            << safetensorsBytes(R"({"x":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", data)
            << "holds 8 bytes, which does not match its shape and dtype F32";
        QTest::newRow("negative shape")
            << safetensorsBytes(R"({"x":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}})", data)
            << "shape entry";
        QTest::newRow("huge shape")
            << safetensorsBytes(R"({"x":{"dtype":"F32","shape":[4294967296,4294967296],"data_offsets":[0,8]}})", data)
            << "does not match its shape";
        QTest::newRow("no dtype") << safetensorsBytes(R"({"x":{"shape":[2],"data_offsets":[0,8]}})", data)
                                  << "no \"dtype\"";
        // Two names reading the same bytes, or bytes nobody reads: not a file the library writes.
        QTest::newRow("overlapping tensors")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}})",
                                QByteArray(12, '\1'))
            << "tensors overlap";
        QTest::newRow("a gap between tensors")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}})",
                                QByteArray(12, '\1'))
            << "(a gap)";
        QTest::newRow("bytes after the last tensor")
            << safetensorsBytes(R"({"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}})", QByteArray(12, '\1'))
            << "end at byte 4 of a data section of 12 bytes";
        QTest::newRow("metadata not strings")
            << safetensorsBytes(R"({"__metadata__":{"format":1}})", {}) << "is not a string";
    }

    void rejectsDamagedSafetensors()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        const QString path = m_dir.filePath(QString("damaged_%1.safetensors").arg(m_damaged++));
        writeAll(path, bytes);
        const QString message = errorOf([&] { readSafetensors(path.toStdString()); });
        QVERIFY2(message.contains(path), qPrintable("no file name in: " + message));
        QVERIFY2(message.contains(fragment), qPrintable(message));
        QCOMPARE(errorOf([&] { readSafetensorsMetadata(path.toStdString()); }), message);
    }

    void missingFilesAreNamed()
    {
        const QString path = m_dir.filePath("no/such/model.safetensors");
        for (const auto& read : std::vector<std::function<void()>>{
                 [&] { readSafetensors(path.toStdString()); },
                 [&] { readSafetensorsMetadata(path.toStdString()); },
                 [&] { readPytorchBin(path.toStdString()); }}) {
            const QString message = errorOf(read);
            QVERIFY2(message.contains("cannot open") && message.contains(path), qPrintable(message));
        }
        const QString folder = m_dir.path();
        const QString message = errorOf([&] { readSafetensors(folder.toStdString()); });
        QVERIFY2(message.contains(folder) && message.contains("not a regular file"), qPrintable(message));
    }

    void rejectsWhatCannotBeWritten()
    {
        const std::string path = file("bad_write.safetensors");
        const QString p = QString::fromStdString(path);
        QString message = errorOf([&] { writeSafetensors(path, {{"a", at::ones({1})}, {"a", at::zeros({1})}}); });
        QVERIFY2(message.contains(p) && message.contains("appears twice"), qPrintable(message));
        message = errorOf([&] { writeSafetensors(path, {{"a", at::Tensor()}}); });
        QVERIFY2(message.contains(p) && message.contains("undefined"), qPrintable(message));
        message = errorOf([&] { writeSafetensors(path, {{"c", at::ones({2}, at::kComplexFloat)}}); });
        QVERIFY2(message.contains(p) && message.contains("ComplexFloat"), qPrintable(message));
        message = errorOf([&] { writeSafetensors(path, {{"__metadata__", at::ones({1})}}); });
        QVERIFY2(message.contains(p), qPrintable(message));
        message = errorOf([&] { writeSafetensors(m_dir.filePath("no/such/folder/x.safetensors").toStdString(), {}); });
        QVERIFY2(message.contains("no/such/folder/x.safetensors"), qPrintable(message));
        QVERIFY(!QFileInfo::exists(p));
    }

private:
    std::string file(const char* name) const { return m_dir.filePath(name).toStdString(); }

    QTemporaryDir m_dir;
    QString m_pythonError;
    int m_damaged = 0;
};

QTEST_GUILESS_MAIN(TestTensorIo)
#include "test_tensor_io.moc"
