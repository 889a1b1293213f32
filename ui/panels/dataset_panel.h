#pragma once
// Dataset browser: open a corpus, see its documents (text, label, rating, tokens) with search
// and filter, the histogram of lengths, the split, and the train/test downsampling settings.
#include "worker/engine_types.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableView;

namespace masklab::ui {

class DocumentFilter;
class DocumentTableModel;
class LengthHistogram;
class Workbench;

class DatasetPanel final : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(Workbench* workbench, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLineEdit* searchBox() const { return m_search; }
    QComboBox* labelFilter() const { return m_labelFilter; }
    DocumentFilter* filter() const { return m_filter; }
    LengthHistogram* histogram() const { return m_histogram; }
    QPushButton* cancelButton() const { return m_cancel; }
    QDoubleSpinBox* trainSizeBox() const { return m_trainSize; }
    QLabel* splitLabel() const { return m_splitLabel; }

public slots:
    void chooseFolder();
    void chooseFile();

private:
    QString corpusStartFolder() const;
    void showCorpus(const CorpusPtr& corpus);
    void showChunkSplit(const ChunksPtr& chunks);
    void showProgress(const QString& task, qint64 done, qint64 total);
    void showDocument();
    void syncFromConfig();

    Workbench* m_workbench;
    DocumentTableModel* m_model;
    DocumentFilter* m_filter;
    QLabel* m_source;
    QComboBox* m_split;
    QLineEdit* m_textField;
    QLineEdit* m_search;
    QComboBox* m_labelFilter;
    QTableView* m_table;
    QPlainTextEdit* m_document;
    LengthHistogram* m_histogram;
    QLabel* m_counts;
    QDoubleSpinBox* m_trainSize;
    QDoubleSpinBox* m_testSize;
    QLineEdit* m_splitSeed;
    QLabel* m_splitLabel;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
};

}  // namespace masklab::ui
