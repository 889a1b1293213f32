#pragma once
// The run settings form: one editor for every field of masklab::TrainingConfig, made from
// visitTrainingFields (the table the JSON file and the CLI's flags come from), so a new setting
// appears here without touching the form.
#include "masklab/training_config.h"

#include <QHash>
#include <QWidget>

namespace masklab::ui {

class Workbench;

class TrainingForm final : public QWidget {
    Q_OBJECT
public:
    explicit TrainingForm(Workbench* workbench, QWidget* parent = nullptr);
    // The editor of a setting by its JSON key (QLineEdit, QSpinBox or QCheckBox).
    QWidget* editor(const QString& key) const { return m_editors.value(key); }
    QStringList keys() const { return m_keys; }

    static QString labelFor(const QString& key);
    static QString helpFor(const QString& key);

private:
    void syncFromConfig();

    Workbench* m_workbench;
    QHash<QString, QWidget*> m_editors;
    QStringList m_keys;
};

}  // namespace masklab::ui
