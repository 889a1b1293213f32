#pragma once
// Project and model: adapt a model folder or a Hugging Face repo (from the cache, or downloaded
// here with progress), or build one from scratch (size and tokenizer), the
// parameter count and per-block summary, and the machine's devices.
#include "worker/engine_types.h"

#include <QWidget>

class QComboBox;
class QCompleter;
class QStringListModel;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace masklab::ui {

class DownloadBox;
class Workbench;

class ProjectPanel final : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(Workbench* workbench, QWidget* parent = nullptr);
    QLabel* modelTitle() const { return m_title; }
    QTableWidget* summary() const { return m_summary; }
    QLabel* devices() const { return m_devices; }
    QComboBox* presetBox() const { return m_preset; }
    QRadioButton* folderMode() const { return m_folderMode; }
    QRadioButton* scratchMode() const { return m_scratchMode; }
    QLineEdit* modelField() const { return m_folder; }
    QLineEdit* repoField() const { return m_repo; }
    QPushButton* downloadButton() const { return m_download; }
    DownloadBox* downloadBox() const { return m_downloadBox; }
    QStringListModel* cachedModels() const { return m_cached; }

    // Downloads repoText from the Hub (progress below the field), then opens it.
    void downloadModel(const QString& repoText);

public slots:
    void chooseModelFolder();
    void chooseTokenizer();

private:
    void showModel(const ModelInfo& info);
    void showDevices(const masklab::DeviceInfo& info);
    void syncFromConfig();

    Workbench* m_workbench;
    QRadioButton* m_folderMode;
    QRadioButton* m_scratchMode;
    QLineEdit* m_folder;
    QLineEdit* m_repo;
    QPushButton* m_download;
    DownloadBox* m_downloadBox;
    QStringListModel* m_cached;
    QComboBox* m_preset;
    QLineEdit* m_tokenizer;
    QSpinBox* m_vocabSize;
    QLabel* m_title;
    QLabel* m_tokenizerInfo;
    QTableWidget* m_summary;
    QPlainTextEdit* m_config;
    QLabel* m_devices;
};

}  // namespace masklab::ui
