// Corpus readers on the real IMDb fixtures (the aclImdb sample folder, the full tar.xz, the
// JSONL sample) and on small CSV, text and archive files written here, plus every error case.
#include "masklab/corpus.h"
#include "masklab/error.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

using masklab::Corpus;
using masklab::CorpusOptions;
using masklab::Document;
using masklab::TextUnit;
using masklab::readCorpus;

namespace {

std::string sampleFolder() { return masklab::testing::fixture("imdb/aclImdb_sample"); }

std::string fileBytes(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        qFatal("cannot open %s", path.c_str());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeFile(const std::string& path, const std::string& bytes)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

CorpusOptions withSplit(const std::string& split)
{
    CorpusOptions options;
    options.split = split;
    return options;
}

CorpusOptions withUnit(TextUnit unit)
{
    CorpusOptions options;
    options.textUnit = unit;
    return options;
}

// The message of the masklab::Error that reading path throws; empty when it throws none.
std::string errorOf(const std::string& path, const CorpusOptions& options = {})
{
    try {
        readCorpus(path, options);
    } catch (const masklab::Error& error) {
        return error.what();
    }
    return {};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

#define CHECK_MESSAGE(message, part) \
    QVERIFY2(contains(message, part), ("\"" + (message) + "\" lacks \"" + (part) + "\"").c_str())

std::size_t countLabel(const Corpus& corpus, int label)
{
    return static_cast<std::size_t>(
        std::count_if(corpus.documents.begin(), corpus.documents.end(),
                      [label](const Document& d) { return d.label == label; }));
}

// True when every document's source in [begin, end) is byte-sorted and starts with prefix.
bool sortedBlock(const Corpus& corpus, std::size_t begin, std::size_t end,
                 const std::string& prefix)
{
    for (std::size_t i = begin; i < end; ++i) {
        const std::string& source = corpus.documents[i].source;
        if (source.rfind(prefix, 0) != 0)
            return false;
        if (i > begin && !(corpus.documents[i - 1].source < source))
            return false;
    }
    return true;
}

// Runs tar in dir; fails the test when it does not succeed.
bool runTar(const QString& dir, const QStringList& arguments)
{
    QProcess tar;
    tar.setWorkingDirectory(dir);
    tar.start("tar", arguments);
    return tar.waitForFinished(60000) && tar.exitStatus() == QProcess::NormalExit
           && tar.exitCode() == 0;
}

}  // namespace

class TestCorpus final : public QObject {
    Q_OBJECT

private slots:
    void aclImdbFolderTrain();
    void aclImdbFolderTestAndUnsup();
    void aclImdbParentFolder();
    void aclImdbErrors();
    void archiveFullTarXz();
    void archiveTarGzMatchesFolder();
    void archiveErrors();
    void jsonlFixture();
    void jsonlLabelsAndFields();
    void jsonlErrors();
    void csvQuoting();
    void csvErrors();
    void plainTextUnits();
    void plainTextFolder();
    void commonErrors();
    void progressAndCancel();
};

void TestCorpus::aclImdbFolderTrain()
{
    const Corpus corpus = readCorpus(sampleFolder());
    QCOMPARE(corpus.size(), std::size_t(2506));
    QCOMPARE(corpus.origin, sampleFolder());
    QCOMPARE(countLabel(corpus, 1), std::size_t(1251));
    QCOMPARE(countLabel(corpus, 0), std::size_t(1255));

    const Document& first = corpus.documents.front();
    QCOMPARE(first.source, std::string("train/pos/0_9.txt"));
    QCOMPARE(first.rating, 9);
    QCOMPARE(first.label, 1);
    QCOMPARE(first.split, std::string("train"));
    QCOMPARE(first.text, fileBytes(sampleFolder() + "/train/pos/0_9.txt"));
    QCOMPARE(corpus.documents[1].source, std::string("train/pos/10000_8.txt"));
    QCOMPARE(corpus.documents[2].source, std::string("train/pos/10001_10.txt"));
    QCOMPARE(corpus.documents[2].rating, 10);

    // The pos block (byte-sorted) comes first, then the neg block (byte-sorted).
    QVERIFY(sortedBlock(corpus, 0, 1251, "train/pos/"));
    QVERIFY(sortedBlock(corpus, 1251, 2506, "train/neg/"));
    QCOMPARE(corpus.documents[1250].label, 1);
    QCOMPARE(corpus.documents[1251].label, 0);
    const Document& neg = corpus.documents[1251];
    QCOMPARE(neg.text, fileBytes(sampleFolder() + "/" + neg.source));
    const Document& last = corpus.documents.back();
    QCOMPARE(last.text, fileBytes(sampleFolder() + "/" + last.source));
}

void TestCorpus::aclImdbFolderTestAndUnsup()
{
    const Corpus test = readCorpus(sampleFolder(), withSplit("test"));
    QCOMPARE(test.size(), std::size_t(1000));
    QVERIFY(sortedBlock(test, 0, 500, "test/pos/"));
    QVERIFY(sortedBlock(test, 500, 1000, "test/neg/"));
    QCOMPARE(test.documents[0].split, std::string("test"));
    QCOMPARE(countLabel(test, 1), std::size_t(500));

    const Corpus unsup = readCorpus(sampleFolder(), withSplit("unsup"));
    QCOMPARE(unsup.size(), std::size_t(2500));
    QVERIFY(sortedBlock(unsup, 0, 2500, "train/unsup/"));
    QCOMPARE(unsup.documents[0].source, std::string("train/unsup/0_0.txt"));
    QCOMPARE(unsup.documents[1].source, std::string("train/unsup/10000_0.txt"));
    QCOMPARE(countLabel(unsup, -1), std::size_t(2500));
    QVERIFY(std::all_of(unsup.documents.begin(), unsup.documents.end(),
                        [](const Document& d) { return d.rating == 0 && d.split == "unsup"; }));
}

void TestCorpus::aclImdbParentFolder()
{
    // A folder that holds aclImdb/ reads like the aclImdb folder itself.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string parent = dir.path().toStdString();
    std::filesystem::create_directory_symlink(sampleFolder(), parent + "/aclImdb");
    const Corpus viaParent = readCorpus(parent, withSplit("test"));
    const Corpus direct = readCorpus(sampleFolder(), withSplit("test"));
    QCOMPARE(viaParent.size(), direct.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        QCOMPARE(viaParent.documents[i].source, direct.documents[i].source);
        QCOMPARE(viaParent.documents[i].text, direct.documents[i].text);
    }
}

void TestCorpus::aclImdbErrors()
{
    const std::string split = errorOf(sampleFolder(), withSplit("validation"));
    CHECK_MESSAGE(split, "\"validation\"");
    CHECK_MESSAGE(split, "train, test or unsup");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string root = dir.path().toStdString() + "/aclImdb";
    writeFile(root + "/train/pos/0_9.txt", "Fine film.");
    writeFile(root + "/train/neg/1_2.txt", "");
    const std::string empty = errorOf(dir.path().toStdString());
    CHECK_MESSAGE(empty, "train/neg/1_2.txt");
    CHECK_MESSAGE(empty, "is empty");

    writeFile(root + "/train/neg/1_2.txt", "Bad.\nWorse: caf\xE9.\n");
    const std::string utf8 = errorOf(root);
    CHECK_MESSAGE(utf8, "train/neg/1_2.txt line 2 is not valid UTF-8");

    // test/ has no folders: the message names the missing one and the layout.
    const std::string missing = errorOf(root, withSplit("test"));
    CHECK_MESSAGE(missing, "test/pos");
    CHECK_MESSAGE(missing, "train/pos, train/neg, train/unsup");
}

void TestCorpus::archiveFullTarXz()
{
    const std::string archive = masklab::testing::fixture("imdb/aclImdb_v1_text_only.tar.xz");
    QElapsedTimer timer;
    timer.start();
    const Corpus train = readCorpus(archive);
    qInfo("train split from the tar.xz: %lld ms", static_cast<long long>(timer.restart()));
    const Corpus test = readCorpus(archive, withSplit("test"));
    const Corpus unsup = readCorpus(archive, withSplit("unsup"));
    qInfo("test and unsup splits from the tar.xz: %lld ms",
          static_cast<long long>(timer.elapsed()));

    QCOMPARE(train.size(), std::size_t(25000));
    QCOMPARE(test.size(), std::size_t(25000));
    QCOMPARE(unsup.size(), std::size_t(50000));
    QCOMPARE(countLabel(train, 1), std::size_t(12500));
    QCOMPARE(countLabel(test, 0), std::size_t(12500));
    QCOMPARE(countLabel(unsup, -1), std::size_t(50000));
    QVERIFY(sortedBlock(train, 0, 12500, "train/pos/"));
    QVERIFY(sortedBlock(train, 12500, 25000, "train/neg/"));
    QVERIFY(sortedBlock(test, 0, 12500, "test/pos/"));
    QVERIFY(sortedBlock(test, 12500, 25000, "test/neg/"));
    QVERIFY(sortedBlock(unsup, 0, 50000, "train/unsup/"));

    const Document& first = train.documents.front();
    QCOMPARE(first.source, std::string("train/pos/0_9.txt"));
    QCOMPARE(first.rating, 9);
    QCOMPARE(first.label, 1);
    QCOMPARE(first.split, std::string("train"));
    QCOMPARE(first.text, fileBytes(sampleFolder() + "/train/pos/0_9.txt"));

    // The order is the course's, file for file, as the golden token-count table lists it.
    std::ifstream golden(masklab::testing::fixture("golden/aclImdb_token_counts_course_order.tsv"));
    std::string row;
    std::getline(golden, row);  // header: split, file, n_tokens
    std::size_t rows = 0;
    for (const Corpus* split : {&train, &test, &unsup}) {
        for (const Document& document : split->documents) {
            QVERIFY(std::getline(golden, row));
            const std::size_t tab = row.find('\t');
            const std::string file = row.substr(tab + 1, row.rfind('\t') - tab - 1);
            QCOMPARE(document.source, file);
            ++rows;
        }
    }
    QCOMPARE(rows, std::size_t(100000));

    // The sample holds the first files of each folder in the same order: the archive's first
    // documents are the sample's, field for field.
    const Corpus sample = readCorpus(sampleFolder(), withSplit("test"));
    for (std::size_t i = 0; i < 500; ++i) {
        QCOMPARE(test.documents[i].source, sample.documents[i].source);
        QCOMPARE(test.documents[i].text, sample.documents[i].text);
        QCOMPARE(test.documents[i].rating, sample.documents[i].rating);
        QCOMPARE(test.documents[12500 + i].source, sample.documents[500 + i].source);
        QCOMPARE(test.documents[12500 + i].text, sample.documents[500 + i].text);
    }
}

void TestCorpus::archiveTarGzMatchesFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    const std::string root = base + "/data/aclImdb";
    // Byte order puts 10_1 before 1_10 before 2_3 ('0' < '_').
    writeFile(root + "/train/pos/2_7.txt", "Second pos.");
    writeFile(root + "/train/pos/1_10.txt", "First pos.<br /><br />Really.");
    writeFile(root + "/train/neg/2_3.txt", "Third neg.");
    writeFile(root + "/train/neg/1_10.txt", "Second neg: caf\xC3\xA9.");
    writeFile(root + "/train/neg/10_1.txt", "First neg.");
    writeFile(root + "/train/unsup/5_0.txt", "Unlabelled.");
    writeFile(root + "/test/pos/3_8.txt", "Test pos.");
    writeFile(root + "/test/neg/4_2.txt", "Test neg.");
    writeFile(root + "/README", "not a review");
    QVERIFY(runTar(dir.path(), {"czf", "corpus.tar.gz", "data"}));

    const Corpus archive = readCorpus(base + "/corpus.tar.gz");
    const Corpus folder = readCorpus(root);
    QCOMPARE(archive.size(), std::size_t(5));
    const std::vector<std::string> order = {"train/pos/1_10.txt", "train/pos/2_7.txt",
                                            "train/neg/10_1.txt", "train/neg/1_10.txt",
                                            "train/neg/2_3.txt"};
    QCOMPARE(folder.size(), order.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Document& a = archive.documents[i];
        const Document& f = folder.documents[i];
        QCOMPARE(a.source, order[i]);
        QCOMPARE(f.source, order[i]);
        QCOMPARE(a.text, f.text);
        QCOMPARE(a.label, f.label);
        QCOMPARE(a.rating, f.rating);
        QCOMPARE(a.split, f.split);
    }
    QCOMPARE(archive.documents[0].text, std::string("First pos.<br /><br />Really."));
    QCOMPARE(archive.documents[0].rating, 10);
    QCOMPARE(archive.documents[2].label, 0);

    const Corpus unsup = readCorpus(base + "/corpus.tar.gz", withSplit("unsup"));
    QCOMPARE(unsup.size(), std::size_t(1));
    QCOMPARE(unsup.documents[0].source, std::string("train/unsup/5_0.txt"));
    QCOMPARE(unsup.documents[0].rating, 0);
    QCOMPARE(unsup.documents[0].label, -1);

    // A tarball of the folder's contents, without the aclImdb/ folder, reads the same.
    const QString bareArchive = QString::fromStdString(base + "/bare.tgz");
    QVERIFY(runTar(QString::fromStdString(root), {"czf", bareArchive, "train", "test"}));
    const Corpus bare = readCorpus(base + "/bare.tgz", withSplit("test"));
    QCOMPARE(bare.size(), std::size_t(2));
    QCOMPARE(bare.documents[1].source, std::string("test/neg/4_2.txt"));
}

void TestCorpus::archiveErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    writeFile(base + "/aclImdb/train/pos/0_9.txt", "Good.\n\xFF\n");
    QVERIFY(runTar(dir.path(), {"czf", "bad.tar.gz", "aclImdb"}));
    const std::string utf8 = errorOf(base + "/bad.tar.gz");
    CHECK_MESSAGE(utf8, "bad.tar.gz");
    CHECK_MESSAGE(utf8, "aclImdb/train/pos/0_9.txt line 2 is not valid UTF-8");

    writeFile(base + "/aclImdb/train/pos/0_9.txt", "");
    QVERIFY(runTar(dir.path(), {"czf", "empty.tar.gz", "aclImdb"}));
    const std::string empty = errorOf(base + "/empty.tar.gz");
    CHECK_MESSAGE(empty, "aclImdb/train/pos/0_9.txt is empty");

    const std::string none = errorOf(base + "/empty.tar.gz", withSplit("test"));
    CHECK_MESSAGE(none, "holds no documents for split \"test\"");

    writeFile(base + "/broken.tar.gz", "this is not gzip data at all");
    const std::string broken = errorOf(base + "/broken.tar.gz");
    CHECK_MESSAGE(broken, "broken.tar.gz");
}

void TestCorpus::jsonlFixture()
{
    const std::string path = masklab::testing::fixture("imdb/imdb_sample_1000.jsonl");
    const Corpus corpus = readCorpus(path);
    QCOMPARE(corpus.size(), std::size_t(1000));
    // 200 rows each of train pos/neg/unsup and test pos/neg; labels are "pos"/"neg"/"unsup".
    QCOMPARE(countLabel(corpus, 1), std::size_t(400));
    QCOMPARE(countLabel(corpus, 0), std::size_t(400));
    QCOMPARE(countLabel(corpus, -1), std::size_t(200));
    const Document& first = corpus.documents.front();
    QCOMPARE(first.text, fileBytes(sampleFolder() + "/train/pos/0_9.txt"));
    QCOMPARE(first.source, std::string("imdb_sample_1000.jsonl:1"));
    QCOMPARE(first.label, 1);
    QCOMPARE(first.rating, 9);
    QCOMPARE(first.split, std::string("train"));
    QCOMPARE(corpus.documents.back().source, std::string("imdb_sample_1000.jsonl:1000"));
    QCOMPARE(corpus.documents.back().split, std::string("test"));
    QCOMPARE(corpus.documents.back().label, 0);
}

void TestCorpus::jsonlLabelsAndFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.path().toStdString() + "/labels.jsonl";
    writeFile(path, "{\"body\": \"one\", \"y\": 1}\n"
                    "\n"
                    "{\"body\": \"two \\\"quoted\\\"\", \"y\": \"0\"}\r\n"
                    "{\"body\": \"three\"}\n"
                    "{\"body\": \"f\xC3\xBCnf\", \"y\": \"7\", \"text\": 5}");
    CorpusOptions options;
    options.textField = "body";
    options.labelField = "y";
    const Corpus corpus = readCorpus(path, options);
    QCOMPARE(corpus.size(), std::size_t(4));
    QCOMPARE(corpus.documents[0].text, std::string("one"));
    QCOMPARE(corpus.documents[0].label, 1);
    QCOMPARE(corpus.documents[1].text, std::string("two \"quoted\""));
    QCOMPARE(corpus.documents[1].label, 0);
    QCOMPARE(corpus.documents[1].source, std::string("labels.jsonl:3"));
    QCOMPARE(corpus.documents[2].label, -1);
    QCOMPARE(corpus.documents[3].text, std::string("f\xC3\xBCnf"));
    QCOMPARE(corpus.documents[3].label, 7);
    QCOMPARE(corpus.documents[3].source, std::string("labels.jsonl:5"));
    QVERIFY(corpus.documents[3].split.empty());
}

void TestCorpus::jsonlErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    std::string lines;
    for (int i = 1; i <= 6; ++i)
        lines += "{\"text\": \"row " + std::to_string(i) + "\"}\n";

    writeFile(base + "/field.jsonl", lines + "{\"review\": \"no text\", \"id\": 7}\n");
    const std::string field = errorOf(base + "/field.jsonl");
    CHECK_MESSAGE(field, "field.jsonl line 7 has no field \"text\"");
    CHECK_MESSAGE(field, "review");
    CHECK_MESSAGE(field, "choose the field with --field");

    writeFile(base + "/array.jsonl", "{\"text\": \"a\"}\n[1, 2]\n");
    const std::string array = errorOf(base + "/array.jsonl");
    CHECK_MESSAGE(array, "array.jsonl line 2 is not a JSON object");

    writeFile(base + "/syntax.jsonl", "{\"text\": \"a\"}\n{\"text\": \"a\"}\n{\"text\": }\n");
    const std::string syntax = errorOf(base + "/syntax.jsonl");
    CHECK_MESSAGE(syntax, "syntax.jsonl line 3 is not valid JSON (column 10:");
    // The parser's own count of lines within the one line it read is not shown beside ours.
    QVERIFY2(!contains(syntax, "line 1"), syntax.c_str());

    writeFile(base + "/number.jsonl", "{\"text\": 12}\n");
    CHECK_MESSAGE(errorOf(base + "/number.jsonl"), "number.jsonl line 1 has a number");

    writeFile(base + "/latin1.jsonl",
              "{\"text\": \"a\"}\n{\"text\": \"b\"}\n{\"text\": \"caf\xE9\"}\n");
    const std::string utf8 = errorOf(base + "/latin1.jsonl");
    CHECK_MESSAGE(utf8, "latin1.jsonl line 3 is not valid UTF-8");
    CHECK_MESSAGE(utf8, "0xE9");
}

void TestCorpus::csvQuoting()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    writeFile(base + "/reviews.csv",
              "id,text,label\r\n"
              "1,\"Good, really good\",pos\r\n"
              "2,\"She said \"\"wow\"\"\",0\r\n"
              "3,\"First line\nsecond line\n\nfourth\",1\n"
              "\n"
              "4,plain text,\n"
              "5,\"\",7");
    const Corpus corpus = readCorpus(base + "/reviews.csv");
    QCOMPARE(corpus.size(), std::size_t(5));
    QCOMPARE(corpus.documents[0].text, std::string("Good, really good"));
    QCOMPARE(corpus.documents[0].label, 1);
    QCOMPARE(corpus.documents[0].source, std::string("reviews.csv:2"));
    QCOMPARE(corpus.documents[1].text, std::string("She said \"wow\""));
    QCOMPARE(corpus.documents[1].label, 0);
    QCOMPARE(corpus.documents[2].text, std::string("First line\nsecond line\n\nfourth"));
    QCOMPARE(corpus.documents[2].source, std::string("reviews.csv:4"));
    QCOMPARE(corpus.documents[3].text, std::string("plain text"));
    QCOMPARE(corpus.documents[3].label, -1);
    QCOMPARE(corpus.documents[3].source, std::string("reviews.csv:9"));
    QCOMPARE(corpus.documents[4].text, std::string());
    QCOMPARE(corpus.documents[4].label, 7);

    // No label column; tab-separated from the .tsv name; another delimiter by option.
    writeFile(base + "/plain.tsv", "text\tnote\n\"a\tb\"\tx\nc\ty\n");
    const Corpus tsv = readCorpus(base + "/plain.tsv");
    QCOMPARE(tsv.size(), std::size_t(2));
    QCOMPARE(tsv.documents[0].text, std::string("a\tb"));
    QCOMPARE(tsv.documents[0].label, -1);
    QCOMPARE(tsv.documents[1].text, std::string("c"));

    writeFile(base + "/semi.csv", "label;text\n1;\"x; y\"\n");
    CorpusOptions options;
    options.csvDelimiter = ';';
    const Corpus semi = readCorpus(base + "/semi.csv", options);
    QCOMPARE(semi.size(), std::size_t(1));
    QCOMPARE(semi.documents[0].text, std::string("x; y"));
    QCOMPARE(semi.documents[0].label, 1);
}

void TestCorpus::csvErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    writeFile(base + "/columns.csv", "id,review,label\n1,x,0\n");
    const std::string column = errorOf(base + "/columns.csv");
    CHECK_MESSAGE(column, "columns.csv has no column \"text\"");
    CHECK_MESSAGE(column, "id, review, label");
    CHECK_MESSAGE(column, "--field");

    writeFile(base + "/open.csv", "id,text\n1,fine\n2,\"never\nclosed\n");
    const std::string open = errorOf(base + "/open.csv");
    CHECK_MESSAGE(open, "open.csv line 3 opens a quoted field that is never closed");

    writeFile(base + "/short.csv", "id,label,text\n1,0,ok\n2,1\n");
    CHECK_MESSAGE(errorOf(base + "/short.csv"), "short.csv line 3 has 2 fields");

    writeFile(base + "/latin1.csv", "text\nok\n\"multi\nline caf\xE9\"\n");
    CHECK_MESSAGE(errorOf(base + "/latin1.csv"), "latin1.csv line 4 is not valid UTF-8");
}

void TestCorpus::plainTextUnits()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.path().toStdString() + "/notes.md";
    const std::string text = "First paragraph,\nstill first.\n\n  \nSecond one.\r\n\r\n"
                             "Third\nparagraph\n";
    writeFile(path, text);

    const Corpus file = readCorpus(path);
    QCOMPARE(file.size(), std::size_t(1));
    QCOMPARE(file.documents[0].text, text);
    QCOMPARE(file.documents[0].source, std::string("notes.md"));

    const Corpus lines = readCorpus(path, withUnit(TextUnit::Line));
    QCOMPARE(lines.size(), std::size_t(5));
    QCOMPARE(lines.documents[0].text, std::string("First paragraph,"));
    QCOMPARE(lines.documents[2].text, std::string("Second one."));
    QCOMPARE(lines.documents[2].source, std::string("notes.md:5"));
    QCOMPARE(lines.documents[4].source, std::string("notes.md:8"));

    const Corpus paragraphs = readCorpus(path, withUnit(TextUnit::Paragraph));
    QCOMPARE(paragraphs.size(), std::size_t(3));
    QCOMPARE(paragraphs.documents[0].text, std::string("First paragraph,\nstill first."));
    QCOMPARE(paragraphs.documents[0].source, std::string("notes.md:1"));
    QCOMPARE(paragraphs.documents[1].text, std::string("Second one."));
    QCOMPARE(paragraphs.documents[1].source, std::string("notes.md:5"));
    QCOMPARE(paragraphs.documents[2].text, std::string("Third\nparagraph"));
    QCOMPARE(paragraphs.documents[2].source, std::string("notes.md:7"));
    QCOMPARE(paragraphs.documents[2].label, -1);
    QVERIFY(paragraphs.documents[2].split.empty());
}

void TestCorpus::plainTextFolder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();
    writeFile(base + "/b.txt", "bee");
    writeFile(base + "/a.txt", "ay\n\nay again");
    writeFile(base + "/sub/c.txt", "sea");
    writeFile(base + "/skip.log", "not text");

    const Corpus files = readCorpus(base);
    QCOMPARE(files.size(), std::size_t(3));
    QCOMPARE(files.documents[0].source, std::string("a.txt"));
    QCOMPARE(files.documents[1].text, std::string("bee"));
    QCOMPARE(files.documents[2].source, std::string("sub/c.txt"));

    const Corpus paragraphs = readCorpus(base, withUnit(TextUnit::Paragraph));
    QCOMPARE(paragraphs.size(), std::size_t(4));
    QCOMPARE(paragraphs.documents[1].text, std::string("ay again"));
    QCOMPARE(paragraphs.documents[1].source, std::string("a.txt:3"));
}

void TestCorpus::commonErrors()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string base = dir.path().toStdString();

    const std::string missing = errorOf(base + "/nowhere.jsonl");
    CHECK_MESSAGE(missing, "nowhere.jsonl does not exist");
    CHECK_MESSAGE(missing, "aclImdb folder");

    writeFile(base + "/empty.txt", "");
    CHECK_MESSAGE(errorOf(base + "/empty.txt"), "empty.txt is empty");
    writeFile(base + "/empty.jsonl", "");
    CHECK_MESSAGE(errorOf(base + "/empty.jsonl"), "empty.jsonl is empty");

    writeFile(base + "/latin1.txt", "fine\nna\xEFve\n");
    const std::string utf8 = errorOf(base + "/latin1.txt");
    CHECK_MESSAGE(utf8, "latin1.txt line 2 is not valid UTF-8");
    CHECK_MESSAGE(utf8, "column 3");
    // Overlong forms and UTF-16 surrogates are not UTF-8 either.
    writeFile(base + "/overlong.txt", "\xC0\xAF");
    CHECK_MESSAGE(errorOf(base + "/overlong.txt"), "overlong.txt line 1 is not valid UTF-8");
    writeFile(base + "/surrogate.txt", "ok\n\xED\xA0\x80");
    CHECK_MESSAGE(errorOf(base + "/surrogate.txt"), "surrogate.txt line 2 is not valid UTF-8");

    writeFile(base + "/blank.txt", "\n  \n\t\n");
    const std::string none = errorOf(base + "/blank.txt", withUnit(TextUnit::Line));
    CHECK_MESSAGE(none, "blank.txt holds no documents");

    writeFile(base + "/header.csv", "text,label\n");
    CHECK_MESSAGE(errorOf(base + "/header.csv"), "header.csv holds no documents");

    const std::string folder = base + "/nothing";
    std::filesystem::create_directory(folder);
    writeFile(folder + "/notes.log", "x");
    CHECK_MESSAGE(errorOf(folder), "nothing has no *.txt files");
}

void TestCorpus::progressAndCancel()
{
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    CorpusOptions options;
    options.progress = [&calls](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    const Corpus corpus = readCorpus(sampleFolder(), options);
    QCOMPARE(corpus.size(), std::size_t(2506));
    QCOMPARE(calls.size(), std::size_t(3));  // at 1000, 2000 and the end
    QCOMPARE(calls.front(), std::make_pair(std::size_t(1000), std::size_t(2506)));
    QCOMPARE(calls.back(), std::make_pair(std::size_t(2506), std::size_t(2506)));

    std::size_t seen = 0;
    options.progress = [&seen](std::size_t, std::size_t) { return ++seen < 2; };
    const std::string cancelled = errorOf(sampleFolder(), options);
    CHECK_MESSAGE(cancelled, "cancelled");
    QCOMPARE(seen, std::size_t(2));

    // JSONL reports bytes against the file size.
    const std::string jsonl = masklab::testing::fixture("imdb/imdb_sample_1000.jsonl");
    calls.clear();
    options.progress = [&calls](std::size_t done, std::size_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    readCorpus(jsonl, options);
    QVERIFY(!calls.empty());
    QCOMPARE(calls.back().first, calls.back().second);
    QCOMPARE(calls.back().second, static_cast<std::size_t>(std::filesystem::file_size(jsonl)));
}

QTEST_APPLESS_MAIN(TestCorpus)
#include "test_corpus.moc"
