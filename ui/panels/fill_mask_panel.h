#pragma once
// Fill-mask: a text with [MASK], the top-k answers of the base model beside those of a chosen
// checkpoint or of the live run, and probes re-scored at every evaluation so the shift shows
// while the model trains.
#include "worker/engine_types.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace masklab::ui {

class FillMaskChart;
class Workbench;

class FillMaskPanel final : public QWidget {
    Q_OBJECT
public:
    explicit FillMaskPanel(Workbench* workbench, QWidget* parent = nullptr);
    QLineEdit* textBox() const { return m_text; }
    QPushButton* maskButton() const { return m_insertMask; }
    QPushButton* askButton() const { return m_ask; }
    QPushButton* addProbeButton() const { return m_addProbe; }
    QComboBox* compareChoice() const { return m_compareChoice; }
    FillMaskChart* baseChart() const { return m_baseChart; }
    FillMaskChart* compareChart() const { return m_compareChart; }
    QTableWidget* history() const { return m_history; }
    QListWidget* probes() const { return m_probes; }

public slots:
    void ask();
    void refreshCheckpoints();

signals:
    // The user asked (Fill, or Enter in the text) and a model answered: not the panel on its
    // own after a run, nor a question refused.
    void userAsked();

private:
    void showReply(const FillMaskReply& reply);
    void showProbes(const ProbeScores& scores);
    void compareChosen();
    void storeProbes();

    Workbench* m_workbench;
    QLineEdit* m_text;
    QPushButton* m_insertMask;
    QSpinBox* m_topK;
    QPushButton* m_ask;
    QLabel* m_baseTitle;
    FillMaskChart* m_baseChart;
    QComboBox* m_compareChoice;
    FillMaskChart* m_compareChart;
    QListWidget* m_probes;
    QTableWidget* m_history;
    QPushButton* m_addProbe;
    bool m_userAsked = false;  // the user's question waits for its first answer
    QString m_compareLoaded;  // checkpoint folder in the "compare" slot
    ProbeScores m_lastProbes;
};

}  // namespace masklab::ui
