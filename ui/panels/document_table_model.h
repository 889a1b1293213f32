#pragma once
// The corpus as a table for QTableView: one row per document, read straight from the snapshot
// (no item per row), so 100,000 reviews open and scroll as fast as 100.
#include "worker/engine_types.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace masklab::ui {

class DocumentTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Index, Text, Label, Rating, Tokens, Source, ColumnCount };
    static constexpr int kSortRole = Qt::UserRole + 1;

    explicit DocumentTableModel(QObject* parent = nullptr);
    void setCorpus(CorpusPtr corpus);
    const CorpusPtr& corpus() const { return m_corpus; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString labelName(int label);
    // The first characters of a review on one line, IMDb's <br /> markup turned into spaces.
    static QString preview(const std::string& text, int characters);

private:
    CorpusPtr m_corpus;
};

// Filters by a search text (anywhere in the document, ASCII case folded) and a label.
class DocumentFilter final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DocumentFilter(QObject* parent = nullptr);
    void setSearch(const QString& text);
    void setLabel(int label);  // -2 = any label
protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override;
private:
    void foldCorpus(const CorpusPtr& corpus) const;

    std::string m_needle;  // lower-case UTF-8
    int m_label = -2;
    // Every document ASCII-lower-cased once, back to back, so a search is a plain substring find
    // (memchr/memcmp speed) instead of a per-character case-insensitive compare.
    mutable CorpusPtr m_foldedFor;  // held, so a new corpus can never reuse its address
    mutable std::string m_folded;
    mutable std::vector<std::size_t> m_foldedBegin;
};

}  // namespace masklab::ui
