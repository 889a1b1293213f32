#pragma once
// The run settings form: one editor for every field of masklab::TrainingConfig, made from
// visitTrainingFields (the table the JSON file and the CLI's flags come from), so a new setting
// appears here without touching the form. The few settings a newcomer changes come first; the
// rest sit under "Advanced". Each field carries its one-line description (the CLI's --help
// text) and, as the user types, what is wrong with its value.
#include "masklab/training_config.h"

#include <QHash>
#include <QSet>
#include <QWidget>

class QLabel;
class QToolButton;

namespace masklab::ui {

class Workbench;

class TrainingForm final : public QWidget {
    Q_OBJECT
public:
    explicit TrainingForm(Workbench* workbench, QWidget* parent = nullptr);
    // The editor of a setting by its JSON key (QLineEdit, QSpinBox or QCheckBox).
    QWidget* editor(const QString& key) const { return m_fields.value(key).editor; }
    // The line under a field that says what is wrong with its value (hidden when nothing is).
    QLabel* problemLabel(const QString& key) const { return m_fields.value(key).problem; }
    QStringList keys() const { return m_keys; }
    QToolButton* advancedToggle() const { return m_advancedToggle; }
    // "Label: rule" for every field whose value, as typed, cannot work; empty when the run can
    // start.
    QStringList problems() const { return m_problems; }

    static QString labelFor(const QString& key);
    static QString helpFor(const QString& key);
    // The settings a newcomer changes, shown before "Advanced".
    static bool isEssential(const QString& key);

signals:
    void problemsChanged(const QStringList& problems);

private:
    struct Field {
        QWidget* editor = nullptr;
        QLabel* problem = nullptr;
    };
    QWidget* makeEditor(const QString& key, const TrainingConfig& probe);
    QWidget* wrapField(const QString& key, QWidget* editor);
    void syncFromConfig();
    void checkAsTyped();

    Workbench* m_workbench;
    QHash<QString, Field> m_fields;
    QStringList m_keys;
    QStringList m_problems;
    QSet<QString> m_heldBack;  // fields whose value breaks its rule: kept in the editor, not written
    QToolButton* m_advancedToggle = nullptr;
};

}  // namespace masklab::ui
