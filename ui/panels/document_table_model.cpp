#include "panels/document_table_model.h"

#include <QLocale>

#include <algorithm>
#include <cctype>

namespace masklab::ui {

DocumentTableModel::DocumentTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DocumentTableModel::setCorpus(CorpusPtr corpus)
{
    beginResetModel();
    m_corpus = std::move(corpus);
    endResetModel();
}

int DocumentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_corpus ? 0 : static_cast<int>(m_corpus->corpus.size());
}

int DocumentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString DocumentTableModel::labelName(int label)
{
    switch (label) {
    case 0: return tr("neg");
    case 1: return tr("pos");
    default: return label < 0 ? QStringLiteral("—") : QString::number(label);
    }
}

QString DocumentTableModel::preview(const std::string& text, int characters)
{
    // Cut on a character boundary: back off over UTF-8 continuation bytes.
    std::size_t end = std::min(text.size(), static_cast<std::size_t>(characters) * 2);
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    QString shown = QString::fromUtf8(text.data(), static_cast<qsizetype>(end));
    shown.replace(QLatin1String("<br />"), QLatin1String(" "));
    shown.replace(QLatin1Char('\n'), QLatin1Char(' '));
    if (shown.size() > characters) shown = shown.left(characters) + QChar(0x2026);
    else if (end < text.size()) shown += QChar(0x2026);
    return shown;
}

QVariant DocumentTableModel::data(const QModelIndex& index, int role) const
{
    if (!m_corpus || !index.isValid()) return {};
    const auto row = static_cast<std::size_t>(index.row());
    const Document& d = m_corpus->corpus.documents[row];
    if (role == kSortRole) {
        switch (index.column()) {
        case Index: return static_cast<qulonglong>(row);
        case Label: return d.label;
        case Rating: return d.rating;
        case Tokens: return static_cast<qulonglong>(m_corpus->tokenCount(row));
        default: return data(index, Qt::DisplayRole);
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Text && index.column() != Source)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == Text) return preview(d.text, 600);
    if (role != Qt::DisplayRole) return {};
    switch (index.column()) {
    case Index: return QLocale().toString(static_cast<qulonglong>(row));
    case Text: return preview(d.text, 140);
    case Label: return labelName(d.label);
    case Rating: return d.rating < 0 ? QStringLiteral("—") : QString::number(d.rating);
    case Tokens: return QLocale().toString(static_cast<qulonglong>(m_corpus->tokenCount(row)));
    case Source: return QString::fromStdString(d.source);
    default: return {};
    }
}

QVariant DocumentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Index: return tr("#");
    case Text: return tr("Text");
    case Label: return tr("Label");
    case Rating: return tr("Rating");
    case Tokens: return tr("Tokens");
    case Source: return tr("Source");
    default: return {};
    }
}

DocumentFilter::DocumentFilter(QObject* parent) : QSortFilterProxyModel(parent)
{
    setSortRole(DocumentTableModel::kSortRole);
    // A new corpus: drop the folded copy of the old one now rather than at the next search.
    connect(this, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_foldedFor.reset();
        std::string().swap(m_folded);
        m_foldedBegin.clear();
    });
}

void DocumentFilter::setSearch(const QString& text)
{
    std::string needle = text.trimmed().toStdString();
    std::transform(needle.begin(), needle.end(), needle.begin(), [](unsigned char c) { return std::tolower(c); });
    if (needle == m_needle) return;
    m_needle = needle;
    // invalidate(), not invalidateFilter(): one layout change instead of a removal signal per
    // run of hidden rows, which for 50,000 interleaved reviews cost more than the search.
    invalidate();
}

void DocumentFilter::setLabel(int label)
{
    if (label == m_label) return;
    m_label = label;
    invalidate();
}

void DocumentFilter::foldCorpus(const CorpusPtr& corpus) const
{
    m_foldedFor = corpus;
    m_folded.clear();
    m_foldedBegin.clear();
    std::size_t bytes = 0;
    for (const Document& d : corpus->corpus.documents) bytes += d.text.size();
    m_folded.resize(bytes);
    m_foldedBegin.reserve(corpus->corpus.size() + 1);
    std::size_t at = 0;
    for (const Document& d : corpus->corpus.documents) {
        m_foldedBegin.push_back(at);
        std::transform(d.text.begin(), d.text.end(), m_folded.begin() + static_cast<std::ptrdiff_t>(at), [](char c) {
            return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
        });
        at += d.text.size();
    }
    m_foldedBegin.push_back(at);
}

bool DocumentFilter::filterAcceptsRow(int row, const QModelIndex&) const
{
    const auto* source = static_cast<const DocumentTableModel*>(sourceModel());
    if (!source->corpus()) return false;
    const Document& d = source->corpus()->corpus.documents[static_cast<std::size_t>(row)];
    if (m_label != -2 && d.label != m_label) return false;
    if (m_needle.empty()) return true;
    // Byte search with ASCII case folding: reviews are mostly English, and a Unicode-aware search
    // over 130 MB would take seconds per keystroke.
    if (m_foldedFor != source->corpus()) foldCorpus(source->corpus());
    const auto r = static_cast<std::size_t>(row);
    const std::string_view text(m_folded.data() + m_foldedBegin[r], m_foldedBegin[r + 1] - m_foldedBegin[r]);
    return text.find(m_needle) != std::string_view::npos;
}

}  // namespace masklab::ui
