#include "panels/training_form.h"

#include "workbench.h"

#include <QCheckBox>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QLocale>
#include <QSpinBox>

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
    if (key == QLatin1String("save_every_epoch")) return TrainingForm::tr("Output");
    return {};
}

QString toText(double v) { return QString::number(v, 'g', 10); }

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
    };
    const auto it = labels.constFind(key);
    return it == labels.constEnd() ? key : tr(it.value());
}

QString TrainingForm::helpFor(const QString& key)
{
    static const QHash<QString, const char*> help = {
        {"model", QT_TR_NOOP("A save_pretrained folder to adapt; empty to train a new model")},
        {"from_scratch", QT_TR_NOOP("tiny, mini, small, distilbert or bert-base: a new model of that size")},
        {"tokenizer", QT_TR_NOOP("For a new model: tokenizer.json, vocab.txt or a SentencePiece .model; empty = build a WordPiece vocabulary from the corpus")},
        {"group_size", QT_TR_NOOP("Documents concatenated before cutting (the course: 1,000); 0 = the whole corpus")},
        {"train_size", QT_TR_NOOP("Chunks for training: a count, or a fraction when below 1")},
        {"test_size", QT_TR_NOOP("Chunks for evaluation: a count, or a fraction when below 1")},
        {"eval_mask_seed", QT_TR_NOOP("The evaluation chunks are masked once with this seed, so perplexity does not jitter")},
        {"eval_every_steps", QT_TR_NOOP("0 = after every epoch")},
        {"device", QT_TR_NOOP("auto (CUDA when present), cpu, cuda or cuda:N")},
        {"precision", QT_TR_NOOP("auto, fp32, bf16 or fp16 (CUDA only)")},
        {"threads", QT_TR_NOOP("0 = every core")},
    };
    const auto it = help.constFind(key);
    return it == help.constEnd() ? QString() : tr(it.value());
}

TrainingForm::TrainingForm(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    TrainingConfig probe = m_workbench->config();
    visitTrainingFields(probe, [&](const char* rawKey, auto& field) {
        using Field = std::decay_t<decltype(field)>;
        const QString key = QString::fromLatin1(rawKey);
        if (key == QLatin1String("output_dir")) return;  // every run gets a new folder
        const QString section = sectionBefore(key);
        if (!section.isEmpty()) {
            auto* title = new QLabel(QStringLiteral("<b>%1</b>").arg(section), this);
            form->addRow(title);
        }
        // Each editor writes its field back through the same visitor, found again by key.
        auto write = [this, key](auto apply) {
            m_workbench->updateConfig([&](TrainingConfig& c) {
                visitTrainingFields(c, [&](const char* k, auto& f) {
                    if (key == QLatin1String(k)) apply(f);
                });
            });
        };
        QWidget* editor = nullptr;
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
            box->setRange(0, std::numeric_limits<int>::max());
            connect(box, &QSpinBox::editingFinished, this, [write, box] {
                write([v = box->value()](auto& f) {
                    if constexpr (std::is_same_v<std::decay_t<decltype(f)>, int>) f = v;
                });
            });
            editor = box;
        } else {
            auto* edit = new QLineEdit(this);
            if constexpr (std::is_same_v<Field, double>) {
                auto* validator = new QDoubleValidator(edit);
                validator->setNotation(QDoubleValidator::ScientificNotation);
                validator->setLocale(QLocale::c());  // 2e-5 and 0.15 as the JSON file writes them
                edit->setValidator(validator);
            } else if constexpr (std::is_same_v<Field, uint64_t>) {
                edit->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), edit));
            }
            connect(edit, &QLineEdit::editingFinished, this, [write, edit] {
                if (!edit->isModified()) return;  // focus left without an edit: nothing to write
                edit->setModified(false);
                const QString text = edit->text().trimmed();
                write([&text](auto& f) {
                    using F = std::decay_t<decltype(f)>;
                    if constexpr (std::is_same_v<F, double>) f = text.toDouble();
                    else if constexpr (std::is_same_v<F, uint64_t>) f = text.toULongLong();
                    else if constexpr (std::is_same_v<F, std::string>) f = text.toStdString();
                });
            });
            editor = edit;
        }
        editor->setObjectName(key);
        editor->setToolTip(helpFor(key).isEmpty() ? key : helpFor(key) + QStringLiteral(" (") + key + QLatin1Char(')'));
        form->addRow(labelFor(key), editor);
        m_editors.insert(key, editor);
        m_keys << key;
    });
    connect(m_workbench, &Workbench::configChanged, this, &TrainingForm::syncFromConfig);
    syncFromConfig();
}

void TrainingForm::syncFromConfig()
{
    TrainingConfig config = m_workbench->config();
    visitTrainingFields(config, [&](const char* rawKey, auto& field) {
        using Field = std::decay_t<decltype(field)>;
        QWidget* editor = m_editors.value(QString::fromLatin1(rawKey));
        if (!editor) return;
        // Never overwrite what the user is typing; spin boxes and check boxes always follow.
        if (auto* edit = qobject_cast<QLineEdit*>(editor); edit && edit->isModified()) return;
        const QSignalBlocker block(editor);
        if constexpr (std::is_same_v<Field, bool>) static_cast<QCheckBox*>(editor)->setChecked(field);
        else if constexpr (std::is_same_v<Field, int>) static_cast<QSpinBox*>(editor)->setValue(field);
        else if constexpr (std::is_same_v<Field, double>) static_cast<QLineEdit*>(editor)->setText(toText(field));
        else if constexpr (std::is_same_v<Field, uint64_t>) static_cast<QLineEdit*>(editor)->setText(QString::number(field));
        else static_cast<QLineEdit*>(editor)->setText(QString::fromStdString(field));
    });
}

}  // namespace masklab::ui
