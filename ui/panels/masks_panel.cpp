#include "panels/masks_panel.h"

#include "panels/chunk_cells.h"
#include "widgets/mask_outcome_legend.h"
#include "widgets/mask_outcome_style.h"
#include "widgets/token_flow_view.h"
#include "workbench.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace masklab::ui {
namespace {

// Sliders hold per mille so one step is 0.1 point.
int perMille(double share) { return static_cast<int>(std::lround(share * 1000.0)); }
double share(const QSlider* slider) { return slider->value() / 1000.0; }

QSlider* shareSlider(QWidget* parent, int max)
{
    auto* slider = new QSlider(Qt::Horizontal, parent);
    slider->setRange(0, max);
    slider->setSingleStep(5);
    slider->setPageStep(50);
    return slider;
}

}  // namespace

MasksPanel::MasksPanel(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    // Short labels so the settings column stays narrow and the chunk keeps the width; the
    // collators they stand for are in the tooltips.
    m_tokenMode = new QRadioButton(tr("Token masking"), this);
    m_tokenMode->setToolTip(tr("Transformers' DataCollatorForLanguageModeling: each token is chosen on its own"));
    m_wholeWordMode = new QRadioButton(tr("Whole-word masking"), this);
    m_wholeWordMode->setToolTip(tr("The course's whole_word_masking_data_collator: every piece of a chosen word is masked"));
    auto* modes = new QButtonGroup(this);
    modes->addButton(m_tokenMode);
    modes->addButton(m_wholeWordMode);
    m_probability = shareSlider(this, 600);
    m_probabilityLabel = new QLabel(this);
    m_maskShare = shareSlider(this, 1000);
    m_randomShare = shareSlider(this, 1000);
    m_sharesLabel = new QLabel(this);
    m_sharesLabel->setWordWrap(true);
    m_seed = new QSpinBox(this);
    m_seed->setRange(0, 1 << 30);
    m_reroll = new QPushButton(tr("Re-roll"), this);
    m_reroll->setToolTip(tr("Draw new masks with the next seed"));

    auto* settings = new QGroupBox(tr("Masking"), this);
    auto* form = new QFormLayout(settings);
    form->addRow(m_tokenMode);
    form->addRow(m_wholeWordMode);
    form->addRow(m_probabilityLabel, m_probability);
    form->addRow(tr("Chosen → [MASK]:"), m_maskShare);
    form->addRow(tr("Chosen → random token:"), m_randomShare);
    form->addRow(m_sharesLabel);
    m_trialLabel = new QLabel(this);
    m_trialLabel->setObjectName(QStringLiteral("trialLabel"));
    m_trialLabel->setWordWrap(true);
    m_apply = new QPushButton(tr("Apply to the run"), this);
    m_apply->setToolTip(tr("Train with these masking settings (they are saved with the run's settings)"));
    m_discard = new QPushButton(tr("Back to the run's"), this);
    m_discard->setToolTip(tr("Show the run's own masking settings again"));
    auto* applyRow = new QHBoxLayout;
    applyRow->addWidget(m_apply);
    applyRow->addWidget(m_discard);
    applyRow->addStretch(1);
    form->addRow(m_trialLabel);
    form->addRow(applyRow);
    auto* seedRow = new QHBoxLayout;
    seedRow->addWidget(m_seed, 1);
    seedRow->addWidget(m_reroll);
    form->addRow(tr("Preview seed:"), seedRow);

    m_shares = new QTableWidget(4, 3, this);
    m_shares->setHorizontalHeaderLabels({tr("Share"), tr("Measured"), tr("Target")});
    m_shares->verticalHeader()->hide();
    m_shares->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_shares->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_shares->setSelectionMode(QAbstractItemView::NoSelection);
    m_shares->setMaximumHeight(m_shares->verticalHeader()->defaultSectionSize() * 5 + 8);

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(settings);
    leftLayout->addWidget(new QLabel(tr("Live shares:"), this));
    leftLayout->addWidget(m_shares);
    leftLayout->addWidget(new MaskOutcomeLegend(this));
    leftLayout->addStretch(1);

    m_chunkLabel = new QLabel(this);
    m_chunkLabel->setWordWrap(true);
    m_view = new TokenFlowView(this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_view);
    m_decoded = new QPlainTextEdit(this);
    m_decoded->setReadOnly(true);
    m_decoded->setMaximumHeight(110);
    m_decoded->setToolTip(tr("The masked chunk decoded back to text, as the course prints it"));
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_chunkLabel);
    rightLayout->addWidget(scroll, 1);
    rightLayout->addWidget(m_decoded);

    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    // The controls try masking on the preview; the run keeps its settings until Apply.
    connect(m_tokenMode, &QRadioButton::toggled, this, [this](bool token) {
        MaskingOptions o = m_workbench->maskingOptions();
        if (token == !o.wholeWord) return;
        o.wholeWord = !token;
        m_workbench->setTrialMasking(o);
    });
    connect(m_probability, &QSlider::valueChanged, this, [this] {
        MaskingOptions o = m_workbench->maskingOptions();
        (o.wholeWord ? o.wwmProbability : o.mlmProbability) = std::max(0.001, share(m_probability));
        m_workbench->setTrialMasking(o);
    });
    // [MASK] and random shares add up to at most 1: moving one pushes the other down.
    auto tryShares = [this] {
        MaskingOptions o = m_workbench->maskingOptions();
        o.maskShare = share(m_maskShare);
        o.randomShare = share(m_randomShare);
        m_workbench->setTrialMasking(o);
    };
    connect(m_maskShare, &QSlider::valueChanged, this, [this, tryShares](int mask) {
        if (mask + m_randomShare->value() > 1000) m_randomShare->setValue(1000 - mask);
        tryShares();
    });
    connect(m_randomShare, &QSlider::valueChanged, this, [this, tryShares](int random) {
        if (random + m_maskShare->value() > 1000) m_maskShare->setValue(1000 - random);
        tryShares();
    });
    connect(m_apply, &QPushButton::clicked, m_workbench, &Workbench::applyTrialMasking);
    connect(m_discard, &QPushButton::clicked, m_workbench, &Workbench::discardTrialMasking);
    connect(m_workbench, &Workbench::trialMaskingChanged, this, &MasksPanel::syncFromConfig);
    connect(m_seed, &QSpinBox::valueChanged, this, [this](int seed) { m_workbench->setPreviewSeed(static_cast<quint64>(seed)); });
    connect(m_reroll, &QPushButton::clicked, this, [this] { m_seed->setValue(m_seed->value() + 1); });
    connect(m_workbench, &Workbench::maskChanged, this, &MasksPanel::showPreview);
    connect(m_workbench, &Workbench::configChanged, this, &MasksPanel::syncFromConfig);
    m_seed->setValue(static_cast<int>(m_workbench->previewSeed()));
    syncFromConfig();
}

void MasksPanel::syncFromConfig()
{
    const MaskingOptions c = m_workbench->maskingOptions();
    const QSignalBlocker b1(m_tokenMode), b2(m_wholeWordMode), b3(m_probability), b4(m_maskShare), b5(m_randomShare);
    m_tokenMode->setChecked(!c.wholeWord);
    m_wholeWordMode->setChecked(c.wholeWord);
    m_probability->setValue(perMille(c.wholeWord ? c.wwmProbability : c.mlmProbability));
    m_maskShare->setValue(perMille(c.maskShare));
    m_randomShare->setValue(perMille(c.randomShare));
    // Whole-word masking replaces every chosen token by [MASK], as the course's collator does.
    m_maskShare->setEnabled(!c.wholeWord);
    m_randomShare->setEnabled(!c.wholeWord);
    updateLabels();
}

void MasksPanel::updateLabels()
{
    const MaskingOptions c = m_workbench->maskingOptions();
    const QLocale locale;
    m_probabilityLabel->setText(c.wholeWord ? tr("Word probability: %1%").arg(locale.toString(c.wwmProbability * 100, 'f', 1))
                                            : tr("Token probability: %1%").arg(locale.toString(c.mlmProbability * 100, 'f', 1)));
    const double kept = std::max(0.0, 1.0 - c.maskShare - c.randomShare);
    m_sharesLabel->setText(c.wholeWord ? tr("Whole words: every chosen token becomes [MASK].")
                                       : tr("Of the chosen tokens: %1% [MASK], %2% random, %3% kept.")
                                             .arg(locale.toString(c.maskShare * 100, 'f', 1))
                                             .arg(locale.toString(c.randomShare * 100, 'f', 1))
                                             .arg(locale.toString(kept * 100, 'f', 1)));
    const bool trial = m_workbench->hasTrialMasking();
    const MaskingOptions run = m_workbench->config().masking(0);
    const QString runMasking = run.wholeWord ? tr("whole words at %1%").arg(locale.toString(run.wwmProbability * 100, 'f', 1))
                                             : tr("tokens at %1%").arg(locale.toString(run.mlmProbability * 100, 'f', 1));
    m_trialLabel->setText(trial ? tr("<b>Preview only.</b> The run still masks %1. Apply to train with what the preview shows.")
                                      .arg(runMasking)
                                : tr("The run's masking (%1): training uses what the preview shows.").arg(runMasking));
    m_trialLabel->setStyleSheet(trial ? QStringLiteral("color: #b5651d;") : QString());
    m_apply->setEnabled(trial);
    m_discard->setEnabled(trial);
}

void MasksPanel::showPreview(const MaskPreviewPtr& preview)
{
    const MaskingOptions& o = preview->options;
    const MaskingStats& s = preview->stats;
    const QLocale locale;
    auto percent = [&](double v) { return locale.toString(v * 100, 'f', 2) + QLatin1Char('%'); };
    const double kept = std::max(0.0, 1.0 - o.maskShare - o.randomShare);
    struct Row { QString name; double measured; double target; bool known; };
    const Row rows[] = {
        {o.wholeWord ? tr("Tokens chosen (of eligible)") : tr("Tokens chosen"), s.chosenShare(),
         o.wholeWord ? o.wwmProbability : o.mlmProbability, !o.wholeWord},
        {MaskOutcomeStyle::name(TokenOutcome::Masked), s.maskedShare(), o.wholeWord ? 1.0 : o.maskShare, true},
        {MaskOutcomeStyle::name(TokenOutcome::Random), s.randomShare(), o.wholeWord ? 0.0 : o.randomShare, true},
        {MaskOutcomeStyle::name(TokenOutcome::Kept), s.keptShare(), o.wholeWord ? 0.0 : kept, true},
    };
    for (int r = 0; r < 4; ++r) {
        m_shares->setItem(r, 0, new QTableWidgetItem(rows[r].name));
        m_shares->setItem(r, 1, new QTableWidgetItem(percent(rows[r].measured)));
        // Whole words are chosen per word, so the token share depends on word lengths.
        m_shares->setItem(r, 2, new QTableWidgetItem(rows[r].known ? percent(rows[r].target)
                                                                   : tr("%1 of words").arg(percent(rows[r].target))));
    }
    m_chunkLabel->setText(tr("Chunk %1 with seed %2. Measured over %3 chunks: %4 of %5 eligible tokens chosen. Hover a "
                             "coloured token to see what it was.")
                              .arg(preview->chunk)
                              .arg(o.seed)
                              .arg(locale.toString(static_cast<qulonglong>(preview->statsChunks)))
                              .arg(locale.toString(static_cast<qulonglong>(s.chosen)))
                              .arg(locale.toString(static_cast<qulonglong>(s.eligibleTokens))));
    m_view->setCells(chunkCells(*preview->chunks, preview->chunk, &preview->masked));
    const Tokenizer& tokenizer = *preview->chunks->corpus->tokenizer;
    m_decoded->setPlainText(QString::fromStdString(tokenizer.decode(preview->masked.inputIds)));
}

}  // namespace masklab::ui
