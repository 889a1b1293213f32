#include "panels/training_form.h"

#include "widgets/wheel_needs_focus.h"
#include "workbench.h"

#include <algorithm>
#include <QCheckBox>
#include <QCoreApplication>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>
#include <type_traits>

namespace masklab::ui {
namespace {

// Section titles, shown before the first key of each section (order of the struct).
QString sectionBefore(const QString& key)
{
    if (key == QLatin1String("model")) return TrainingForm::tr("Model");
    if (key == QLatin1String("corpus")) return TrainingForm::tr("Data");
    if (key == QLatin1String("whole_word")) return TrainingForm::tr("Masking");
    if (key == QLatin1String("learning_rate")) return TrainingForm::tr("Optimization (AdamW, linear schedule)");
    if (key == QLatin1String("eval_every_steps")) return TrainingForm::tr("Evaluation and logging");
    if (key == QLatin1String("device")) return TrainingForm::tr("Device");
    if (key == QLatin1String("ddp_bucket_cap_mb")) return TrainingForm::tr("Several processes (masklab-cli train --nproc, torchrun)");
    if (key == QLatin1String("save_every_epoch")) return TrainingForm::tr("Output");
    return {};
}

// Numbers as the user's language writes them (0,15 in Russian), without group separators so
// that they read back; the C locale's 0.15 and 2e-5 are accepted too (pasted from a JSON file).
QString numberText(double v)
{
    QLocale locale;
    locale.setNumberOptions(QLocale::OmitGroupSeparator);
    return locale.toString(v, 'g', 10);
}

double parseNumber(const QString& text, bool* ok)
{
    bool read = false;
    double v = QLocale().toDouble(text, &read);
    if (!read) v = QLocale::c().toDouble(text, &read);
    if (ok) *ok = read && std::isfinite(v);
    return read ? v : 0.0;
}

}  // namespace

QString TrainingForm::labelFor(const QString& key)
{
    static const QHash<QString, const char*> labels = {
        {"model", QT_TR_NOOP("Model folder")}, {"from_scratch", QT_TR_NOOP("New model size")},
        {"tokenizer", QT_TR_NOOP("Tokenizer")}, {"scratch_vocab_size", QT_TR_NOOP("Built vocabulary size")},
        {"corpus", QT_TR_NOOP("Corpus")}, {"split", QT_TR_NOOP("Split")}, {"text_field", QT_TR_NOOP("Text field")},
        {"chunk_size", QT_TR_NOOP("Chunk size")}, {"group_size", QT_TR_NOOP("Group size")},
        {"train_size", QT_TR_NOOP("Train chunks")}, {"test_size", QT_TR_NOOP("Test chunks")},
        {"split_seed", QT_TR_NOOP("Split seed")}, {"whole_word", QT_TR_NOOP("Whole-word masking")},
        {"mlm_probability", QT_TR_NOOP("Token probability")}, {"wwm_probability", QT_TR_NOOP("Word probability")},
        {"mask_share", QT_TR_NOOP("[MASK] share")}, {"random_share", QT_TR_NOOP("Random share")},
        {"eval_mask_seed", QT_TR_NOOP("Evaluation mask seed")}, {"learning_rate", QT_TR_NOOP("Learning rate")},
        {"weight_decay", QT_TR_NOOP("Weight decay")}, {"adam_beta1", QT_TR_NOOP("Adam β1")},
        {"adam_beta2", QT_TR_NOOP("Adam β2")}, {"adam_epsilon", QT_TR_NOOP("Adam ε")},
        {"batch_size", QT_TR_NOOP("Batch size")}, {"gradient_accumulation", QT_TR_NOOP("Gradient accumulation")},
        {"epochs", QT_TR_NOOP("Epochs")}, {"warmup_steps", QT_TR_NOOP("Warmup steps")},
        {"max_grad_norm", QT_TR_NOOP("Max gradient norm")}, {"seed", QT_TR_NOOP("Seed")},
        {"eval_every_steps", QT_TR_NOOP("Evaluate every N steps")},
        {"eval_before_training", QT_TR_NOOP("Evaluate before training")},
        {"eval_batch_size", QT_TR_NOOP("Evaluation batch size")}, {"log_every_steps", QT_TR_NOOP("Log every N steps")},
        {"device", QT_TR_NOOP("Device")}, {"precision", QT_TR_NOOP("Precision")}, {"threads", QT_TR_NOOP("CPU threads")},
        {"output_dir", QT_TR_NOOP("Run folder")}, {"save_every_epoch", QT_TR_NOOP("Save every epoch")},
        {"dropout", QT_TR_NOOP("Dropout")}, {"attention_dropout", QT_TR_NOOP("Attention dropout")},
        {"save_every_steps", QT_TR_NOOP("Save the state every N steps")},
        {"ddp_bucket_cap_mb", QT_TR_NOOP("All-reduce bucket (MB)")}, {"ddp_timeout", QT_TR_NOOP("Process timeout (s)")},
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : tr(it.value());
}

QString TrainingForm::helpFor(const QString& key)
{
    const std::string help = trainingSettingHelp(key.toStdString());
    return help.empty() ? QString() : QCoreApplication::translate("TrainingSettings", help.c_str());
}

bool TrainingForm::isEssential(const QString& key)
{
    static const QStringList essential = {"model", "from_scratch", "corpus", "whole_word", "mlm_probability",
                                          "wwm_probability", "learning_rate", "batch_size", "epochs"};
    return essential.contains(key);
}

TrainingForm::TrainingForm(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    auto* layout = new QVBoxLayout(this);
    // Label and field side by side in a grid: QFormLayout kept row heights fitted to an earlier
    // state of the wrapped descriptions once a problem line came and went (cut off in Russian).
    auto newForm = [](QWidget* owner) {
        auto* form = new QGridLayout(owner);
        form->setColumnStretch(1, 1);
        return form;
    };
    auto addRow = [](QGridLayout* form, QWidget* label, QWidget* field) {
        const int row = form->rowCount();
        if (!field) {
            form->addWidget(label, row, 0, 1, 2);
            return;
        }
        form->addWidget(label, row, 0, Qt::AlignLeft | Qt::AlignTop);
        form->addWidget(field, row, 1);
    };
    auto* essentials = new QWidget(this);
    QGridLayout* front = newForm(essentials);
    front->setContentsMargins(0, 0, 0, 0);
    m_advancedToggle = new QToolButton(this);
    m_advancedToggle->setObjectName(QStringLiteral("advanced"));
    m_advancedToggle->setText(tr("Advanced settings"));
    m_advancedToggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_advancedToggle->setCheckable(true);
    m_advancedToggle->setAutoRaise(true);
    auto* advanced = new QWidget(this);
    QGridLayout* rest = newForm(advanced);
    rest->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(essentials);
    layout->addWidget(m_advancedToggle, 0, Qt::AlignLeft);
    layout->addWidget(advanced);
    layout->addStretch(1);

    const TrainingConfig probe = m_workbench->config();
    TrainingConfig keys = probe;
    visitTrainingFields(keys, [&](const char* rawKey, auto&) {
        const QString key = QString::fromLatin1(rawKey);
        if (key == QLatin1String("output_dir")) return;  // every run gets a new folder
        QGridLayout* form = isEssential(key) ? front : rest;
        const QString section = sectionBefore(key);
        if (form == rest && !section.isEmpty()) addRow(form, new QLabel(QStringLiteral("<b>%1</b>").arg(section), advanced), nullptr);
        QWidget* editor = makeEditor(key, probe);
        editor->setObjectName(key);
        editor->setToolTip(QStringLiteral("%1\n%2").arg(helpFor(key), tr("Setting %1 in the settings file; --%2 of masklab-cli train")
                                                                              .arg(key, QString(key).replace(QLatin1Char('_'), QLatin1Char('-')))));
        auto* label = new QLabel(labelFor(key), form == front ? essentials : advanced);
        label->setBuddy(editor);
        // The label's text level with the editor's, above the description under it.
        label->setContentsMargins(0, std::max(0, (editor->sizeHint().height() - label->sizeHint().height()) / 2), 0, 0);
        addRow(form, label, wrapField(key, editor));
        m_keys << key;
    });

    const bool open = QSettings().value(QStringLiteral("training/advanced"), false).toBool();
    advanced->setVisible(open);
    m_advancedToggle->setChecked(open);
    m_advancedToggle->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
    connect(m_advancedToggle, &QToolButton::toggled, this, [this, advanced](bool on) {
        advanced->setVisible(on);
        m_advancedToggle->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
        QSettings().setValue(QStringLiteral("training/advanced"), on);
    });
    connect(m_workbench, &Workbench::configChanged, this, &TrainingForm::syncFromConfig);
    syncFromConfig();
}

QWidget* TrainingForm::makeEditor(const QString& key, const TrainingConfig& probe)
{
    // Each editor writes its field back through the same visitor, found again by key. A value
    // that breaks its rule is not written: it stays in its editor, marked there (checkAsTyped),
    // so the run's settings never hold it and nothing downstream (the masking preview) fails on
    // it with a dialog while the user types.
    auto write = [this, key](auto apply) {
        TrainingConfig candidate = m_workbench->config();
        visitTrainingFields(candidate, [&](const char* k, auto& f) {
            if (key == QLatin1String(k)) apply(f);
        });
        candidate.outputDir = "run";  // chosen when the run starts
        for (const TrainingConfig::Problem& p : candidate.problems())
            if (key == QString::fromStdString(p.key)) {
                m_heldBack.insert(key);
                return;
            }
        m_heldBack.remove(key);
        m_workbench->updateConfig([&](TrainingConfig& c) {
            visitTrainingFields(c, [&](const char* k, auto& f) {
                if (key == QLatin1String(k)) apply(f);
            });
        });
    };
    const int numberWidth = fontMetrics().horizontalAdvance(QStringLiteral("0000000000000"));
    QWidget* editor = nullptr;
    TrainingConfig copy = probe;
    visitTrainingFields(copy, [&](const char* k, auto& field) {
        if (key != QLatin1String(k)) return;
        using Field = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<Field, bool>) {
            auto* box = new QCheckBox(this);
            connect(box, &QCheckBox::toggled, this, [write](bool on) {
                write([on](auto& f) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(f)>, bool>) f = on;
                });
            });
            editor = box;
        } else if constexpr (std::is_same_v<Field, int>) {
            auto* box = new QSpinBox(this);
            box->setRange(0, std::numeric_limits<int>::max());  // 0 is typed and then marked, never refused silently
            box->setMinimumWidth(numberWidth);
            wheelNeedsFocus(box);
            connect(box, qOverload<int>(&QSpinBox::valueChanged), this, &TrainingForm::checkAsTyped);
            connect(box, &QSpinBox::editingFinished, this, [write, box] {
                write([v = box->value()](auto& f) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(f)>, int>) f = v;
                });
            });
            editor = box;
        } else {
            auto* edit = new QLineEdit(this);
            if constexpr (!std::is_same_v<Field, std::string>) edit->setMinimumWidth(numberWidth);
            connect(edit, &QLineEdit::textEdited, this, &TrainingForm::checkAsTyped);
            connect(edit, &QLineEdit::editingFinished, this, [this, key, write, edit] {
                if (!edit->isModified()) return;  // focus left without an edit: nothing to write
                const QString text = edit->text().trimmed();
                // A model folder or corpus opens as the Project and Dataset panels open one: tried
                // first, in the settings once it loads, one message (and nothing lost) if not.
                if (!text.isEmpty() && (key == QLatin1String("model") || key == QLatin1String("corpus"))) {
                    edit->setModified(false);
                    if (key == QLatin1String("model")) m_workbench->openModel(text);
                    else m_workbench->openCorpus(text);
                    return;
                }
                bool ok = true;
                if constexpr (std::is_same_v<Field, double>) parseNumber(text, &ok);
                else if constexpr (std::is_same_v<Field, uint64_t>) text.toULongLong(&ok);
                if (!ok) return;  // stays marked at the field until it reads as a number
                edit->setModified(false);
                write([&text](auto& f) {
                    using F = std::decay_t<decltype(f)>;
                    if constexpr (std::is_same_v<F, double>) f = parseNumber(text, nullptr);
                    else if constexpr (std::is_same_v<F, uint64_t>) f = text.toULongLong();
                    else if constexpr (std::is_same_v<F, std::string>) f = text.toStdString();
                });
            });
            editor = edit;
        }
    });
    return editor;
}

QWidget* TrainingForm::wrapField(const QString& key, QWidget* editor)
{
    auto* field = new QWidget(this);
    auto* column = new QVBoxLayout(field);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(1);
    column->addWidget(editor);
    auto* help = new QLabel(helpFor(key), field);
    help->setWordWrap(true);
    QFont small = help->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    help->setFont(small);
    help->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(help);
    auto* problem = new QLabel(field);
    problem->setObjectName(key + QStringLiteral("_problem"));
    problem->setWordWrap(true);
    problem->setStyleSheet(QStringLiteral("color: #d0342c;"));
    problem->hide();
    column->addWidget(problem);
    m_fields.insert(key, {editor, problem});
    return field;
}

void TrainingForm::checkAsTyped()
{
    // The values as they stand in the editors, typed or not yet committed, over the run's settings.
    TrainingConfig draft = m_workbench->config();
    QHash<QString, QString> wrong;
    visitTrainingFields(draft, [&](const char* rawKey, auto& field) {
        const QString key = QString::fromLatin1(rawKey);
        QWidget* editor = m_fields.value(key).editor;
        if (!editor) return;
        using Field = std::decay_t<decltype(field)>;
        if constexpr (std::is_same_v<Field, int>) {
            field = static_cast<QSpinBox*>(editor)->value();
        } else if constexpr (!std::is_same_v<Field, bool>) {
            const QString text = static_cast<QLineEdit*>(editor)->text().trimmed();
            bool ok = true;
            if constexpr (std::is_same_v<Field, double>) field = parseNumber(text, &ok);
            else if constexpr (std::is_same_v<Field, uint64_t>) field = text.toULongLong(&ok);
            else field = text.toStdString();
            if (!ok) wrong.insert(key, text.isEmpty() ? tr("needs a value") : tr("is not a number"));
        }
    });
    draft.outputDir = "run";  // chosen when the run starts
    for (const TrainingConfig::Problem& p : draft.problems()) {
        const QString key = QString::fromStdString(p.key);
        if (!wrong.contains(key)) wrong.insert(key, QCoreApplication::translate("TrainingSettings", p.rule.c_str()));
    }
    QStringList problems;
    for (const QString& key : m_keys) {
        const Field field = m_fields.value(key);
        const QString rule = wrong.value(key);
        field.problem->setText(rule);
        if (field.problem->isVisibleTo(this) != !rule.isEmpty()) {
            field.problem->setVisible(!rule.isEmpty());
            // The row's height for its width changed: the layouts above measure it again only
            // when told (otherwise the form layout cut the wrapped descriptions of other rows,
            // in Russian, and a hidden line left a gap above Advanced).
            for (QWidget* w = field.problem->parentWidget(); w && w != this; w = w->parentWidget()) w->updateGeometry();
        }
        // The border on the text box alone: a spin box styled whole loses its arrows.
        field.editor->setStyleSheet(rule.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 1px solid #d0342c; }"));
        if (!rule.isEmpty()) problems << tr("%1: %2").arg(labelFor(key), rule);
    }
    if (problems != m_problems) {
        m_problems = problems;
        emit problemsChanged(m_problems);
    }
}

void TrainingForm::syncFromConfig()
{
    TrainingConfig config = m_workbench->config();
    visitTrainingFields(config, [&](const char* rawKey, auto& field) {
        using Field = std::decay_t<decltype(field)>;
        QWidget* editor = m_fields.value(QString::fromLatin1(rawKey)).editor;
        if (!editor) return;
        // Never overwrite what the user is typing, nor a value held back for breaking its rule;
        // otherwise spin boxes and check boxes always follow.
        if (auto* edit = qobject_cast<QLineEdit*>(editor); edit && edit->isModified()) return;
        if (m_heldBack.contains(QString::fromLatin1(rawKey))) return;
        const QSignalBlocker block(editor);
        if constexpr (std::is_same_v<Field, bool>) static_cast<QCheckBox*>(editor)->setChecked(field);
        else if constexpr (std::is_same_v<Field, int>) static_cast<QSpinBox*>(editor)->setValue(field);
        else if constexpr (std::is_same_v<Field, double>) static_cast<QLineEdit*>(editor)->setText(numberText(field));
        else if constexpr (std::is_same_v<Field, uint64_t>) static_cast<QLineEdit*>(editor)->setText(QString::number(field));
        else static_cast<QLineEdit*>(editor)->setText(QString::fromStdString(field));
    });
    checkAsTyped();
}

}  // namespace masklab::ui
