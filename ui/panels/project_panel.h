#pragma once
// Project and model: adapt a model folder or build one from scratch (size and tokenizer), the
// parameter count and per-block summary, and the machine's devices.
#include "worker/engine_types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QSpinBox;
class QTableWidget;

namespace masklab::ui {

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
