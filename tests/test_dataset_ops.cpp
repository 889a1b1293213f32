// shuffle + select and train_test_split on document indices.
#include "masklab/dataset_ops.h"
#include "masklab/error.h"

#include <QtTest>

#include <algorithm>
#include <set>

using namespace masklab;

class TestDatasetOps final : public QObject {
    Q_OBJECT

private slots:
    void shuffleIsASeededPermutation()
    {
        const auto a = shuffledIndices(1000, 42);
        const auto b = shuffledIndices(1000, 42);
        const auto c = shuffledIndices(1000, 43);
        QCOMPARE(a, b);
        QVERIFY(a != c);
        std::vector<std::size_t> sorted = a;
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t i = 0; i < sorted.size(); ++i) QCOMPARE(sorted[i], i);
        std::size_t fixedPoints = 0;
        for (std::size_t i = 0; i < a.size(); ++i) fixedPoints += a[i] == i;
        QVERIFY(fixedPoints < 20);  // a real shuffle moves nearly everything
    }

    void splitTakesTheCourseSizes()
    {
        // The course: train_test_split(train_size=10_000, test_size=1_000, seed=42) of 61,289 chunks.
        const SplitIndices s = trainTestSplit(61'289, {10'000, 1'000}, 42);
        QCOMPARE(s.train.size(), std::size_t(10'000));
        QCOMPARE(s.test.size(), std::size_t(1'000));
        std::set<std::size_t> all(s.train.begin(), s.train.end());
        all.insert(s.test.begin(), s.test.end());
        QCOMPARE(all.size(), std::size_t(11'000));  // disjoint
        QVERIFY(*all.rbegin() < 61'289);
        const SplitIndices again = trainTestSplit(61'289, {10'000, 1'000}, 42);
        QCOMPARE(again.train, s.train);
        QCOMPARE(again.test, s.test);
    }

    void fractionsAndDefaults()
    {
        const SplitIndices f = trainTestSplit(100, {0, 0.1}, 1);
        QCOMPARE(f.test.size(), std::size_t(10));
        QCOMPARE(f.train.size(), std::size_t(90));
        const SplitIndices d = trainTestSplit(100, {}, 1);  // datasets' default: test 0.25
        QCOMPARE(d.test.size(), std::size_t(25));
        QCOMPARE(d.train.size(), std::size_t(75));
        const SplitIndices t = trainTestSplit(100, {0.8, 0}, 1);
        QCOMPARE(t.train.size(), std::size_t(80));
        QCOMPARE(t.test.size(), std::size_t(20));
    }

    void sizesThatDoNotFitAreErrors()
    {
        QVERIFY_THROWS_EXCEPTION(Error, trainTestSplit(100, {90, 20}, 1));
        QVERIFY_THROWS_EXCEPTION(Error, trainTestSplit(0, {1, 1}, 1));
        QVERIFY_THROWS_EXCEPTION(Error, trainTestSplit(100, {-1, 1}, 1));
        try {
            trainTestSplit(100, {90, 20}, 1);
        } catch (const Error& e) {
            QVERIFY(QString(e.what()).contains("100 documents"));
        }
    }

    void selectKeepsOrder()
    {
        Corpus corpus;
        for (int i = 0; i < 5; ++i) corpus.documents.push_back({"doc " + std::to_string(i), i % 2, i, "train", ""});
        const Corpus picked = selectDocuments(corpus, {3, 0, 4});
        QCOMPARE(picked.size(), std::size_t(3));
        QCOMPARE(picked.documents[0].text, std::string("doc 3"));
        QCOMPARE(picked.documents[2].rating, 4);
        QVERIFY_THROWS_EXCEPTION(Error, selectDocuments(corpus, {5}));
    }
};

QTEST_APPLESS_MAIN(TestDatasetOps)
#include "test_dataset_ops.moc"
