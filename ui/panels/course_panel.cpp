#include "panels/course_panel.h"

#include "widgets/download_box.h"
#include "worker/training_worker.h"
#include "workbench.h"

#include <QAbstractItemDelegate>
#include <QDir>
#include <QHash>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QResizeEvent>
#include <QSettings>
#include <QStyleOptionViewItem>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace masklab::ui {

CoursePanel::CoursePanel(Workbench* workbench, QWidget* parent) : QWidget(parent), m_workbench(workbench)
{
    m_steps = new QListWidget(this);
    for (int s = 0; s < StepCount; ++s) m_steps->addItem(QStringLiteral("%1. %2").arg(s + 1).arg(title(Step(s))));
    // Titles wrap in the narrow column (Russian ones are longer than it) and the list is as tall
    // as its rows (fitStepList), so it needs no scroll bar either way.
    m_steps->setWordWrap(true);
    m_steps->setResizeMode(QListView::Adjust);
    m_steps->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_steps->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_steps->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_text = new QTextBrowser(this);
    m_text->setOpenExternalLinks(false);
    m_do = new QPushButton(this);
    m_imdb = new QPushButton(tr("Open the full IMDb…"), this);
    m_imdb->setToolTip(tr("An aclImdb folder or aclImdb_v1.tar.gz that is already on this computer"));
    m_getImdb = new QPushButton(tr("Get IMDb"), this);
    m_getImdb->setToolTip(tr("Download aclImdb_v1.tar.gz (84 MB) from Stanford into MaskLab's cache, then open it"));
    m_getModel = new QPushButton(tr("Get distilbert-base-uncased"), this);
    m_getModel->setToolTip(tr("Download the course's model from the Hugging Face Hub (268 MB) and adapt it"));
    m_network = new QLabel(tr("Checking the network…"), this);
    m_network->setWordWrap(true);
    m_imdbDownload = new DownloadBox(m_workbench->engine(), QStringLiteral("imdb"), this);
    m_next = new QPushButton(tr("Next step"), this);
    // The step's own action and Next on one row; the downloads and the IMDb file, shown on the
    // steps that use them, one a line: the Course stays a narrow column at the window's left.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_do);
    buttons->addStretch(1);
    buttons->addWidget(m_next);
    auto* sources = new QVBoxLayout;
    for (QPushButton* b : {m_imdb, m_getImdb, m_getModel}) sources->addWidget(b, 0, Qt::AlignLeft);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_steps);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_network);
    layout->addWidget(m_imdbDownload);
    layout->addLayout(sources);
    layout->addLayout(buttons);

    HubWorker* hub = m_workbench->engine()->hub();
    connect(m_getImdb, &QPushButton::clicked, this, [this] {
        if (m_imdbDownload->isBusy()) return;
        m_imdbDownload->started(QStringLiteral("aclImdb_v1.tar.gz"));
        emit m_workbench->engine()->downloadImdb(QString());
    });
    connect(hub, &HubWorker::imdbDownloaded, this, [this](const QString& path) {
        m_workbench->openCorpus(path);
        emit showPanel(QStringLiteral("dataset"));
    });
    connect(m_getModel, &QPushButton::clicked, this, [this] {
        emit getModelRequested(QStringLiteral("distilbert-base-uncased"));
        emit showPanel(QStringLiteral("project"));
    });
    connect(hub, &HubWorker::networkChecked, this, [this](bool reachable, const QString& endpoint) {
        m_online = reachable;
        m_network->setText(reachable ? tr("Online: “Get IMDb” and “Get distilbert-base-uncased” download the "
                                          "course's data and model (from Stanford and %1); the built-in demo "
                                          "needs no network.").arg(endpoint)
                                     : tr("Offline (%1 cannot be reached): use the built-in demo, which needs no "
                                          "network. “Get IMDb” and “Get distilbert-base-uncased” need one.")
                                           .arg(endpoint));
        showStep(m_steps->currentRow());
    });
    emit m_workbench->engine()->checkNetwork();

    connect(m_steps, &QListWidget::currentRowChanged, this, &CoursePanel::showStep);
    connect(m_do, &QPushButton::clicked, this, &CoursePanel::doStep);
    connect(m_imdb, &QPushButton::clicked, this, &CoursePanel::openImdbRequested);
    connect(m_next, &QPushButton::clicked, this, [this] {
        m_steps->setCurrentRow(std::min(StepCount - 1, m_steps->currentRow() + 1));
        emit showPanel(panelOf(Step(m_steps->currentRow())));
    });

    // Ticks for what the user did. What the window does alone (reopening the corpus, chunking
    // and masking it at launch, the comparison after a run) ticks nothing.
    connect(m_workbench, &Workbench::corpusChosen, this, [this] { markDone(Data); });
    // A run that trains, not one that fails at its start (a model folder that does not load):
    // its first evaluation is on the charts.
    connect(m_workbench->engine()->training(), &TrainingWorker::evaluated, this, [this] {
        m_evaluated = true;
        markDone(Train);
    });
    m_trainSize = m_workbench->config().trainSize;
    m_testSize = m_workbench->config().testSize;
    connect(m_workbench, &Workbench::configChanged, this, [this] {
        const TrainingConfig& c = m_workbench->config();
        if (c.trainSize != m_trainSize || c.testSize != m_testSize) markDone(Split);
        m_trainSize = c.trainSize;
        m_testSize = c.testSize;
    });
    m_evaluated = !m_workbench->runFolders().isEmpty();

    const QStringList saved = QSettings(progressFile(), QSettings::IniFormat).value(QStringLiteral("course/done")).toStringList();
    for (const QString& step : saved) {
        bool ok = false;
        const int s = step.toInt(&ok);
        if (ok && s >= 0 && s < StepCount) {
            m_done[s] = true;
            showTick(Step(s));
        }
    }
    m_steps->setCurrentRow(0);
}

QString CoursePanel::progressFile() const
{
    return QDir(m_workbench->projectDir()).filePath(QStringLiteral("course.ini"));
}

void CoursePanel::showHelpFor(const QString& panel)
{
    static const QHash<QString, Step> stepOf = {{"dataset", Browse}, {"chunks", Chunk}, {"masks", Mask},
                                                {"project", Model},  {"training", Train}, {"charts", Watch},
                                                {"fillmask", FillMask}};
    const auto it = stepOf.constFind(panel);
    if (it != stepOf.constEnd()) m_steps->setCurrentRow(it.value());
}

void CoursePanel::panelVisited(const QString& panel)
{
    if (panel == QLatin1String("dataset")) markDone(Browse);
    else if (panel == QLatin1String("chunks")) markDone(Chunk);
    else if (panel == QLatin1String("masks")) markDone(Mask);
    else if (panel == QLatin1String("project")) markDone(Model);
    else if (panel == QLatin1String("charts") && m_evaluated) markDone(Watch);
}

void CoursePanel::fillMaskAsked()
{
    markDone(FillMask);
}

QString CoursePanel::title(Step step) const
{
    switch (step) {
    case Data: return tr("Open the reviews");
    case Browse: return tr("Look at the data");
    case Chunk: return tr("Tokenize and group into chunks");
    case Mask: return tr("Mask tokens");
    case Split: return tr("Downsample for a quick run");
    case Model: return tr("The model");
    case Train: return tr("Train");
    case Watch: return tr("Watch loss and perplexity");
    case FillMask: return tr("Ask the adapted model");
    default: return {};
    }
}

QString CoursePanel::text(Step step) const
{
    switch (step) {
    case Data:
        return tr("<p>Domain adaptation fine-tunes a masked language model on text from your domain, here movie "
                  "reviews, so it predicts that domain's words. The course uses IMDb: 25,000 training reviews, "
                  "25,000 test reviews and 50,000 unlabelled ones.</p><p>MaskLab ships 248 short reviews so this "
                  "works offline at once. To follow the course at full size, Get IMDb downloads it (84 MB), or "
                  "open an aclImdb folder or tarball you already have.</p>");
    case Browse:
        return tr("<p>The Dataset panel lists every review with its label, rating and length in tokens. Search "
                  "it, filter by label, and read the histogram: many reviews are longer than the model's 512 "
                  "positions, which is why the course does not truncate them but concatenates and cuts.</p>");
    case Chunk:
        return tr("<p><b>group_texts</b> joins the tokenized reviews ([CLS] … [SEP] each) and cuts the stream "
                  "into chunks of 128 tokens; the tail of each group of 1,000 reviews that does not fill a chunk "
                  "is dropped. A chunk's labels are a copy of its input ids.</p><p>In the Chunks panel, pieces of "
                  "one word (##) are drawn joined and review seams [SEP] [CLS] are marked. The course gets 61,289 "
                  "training chunks from IMDb.</p>");
    case Mask:
        return tr("<p>The data collator chooses 15% of the tokens; 80% of those become [MASK], 10% a random "
                  "token, 10% stay. The model is scored only on the chosen positions. Whole-word masking chooses "
                  "whole words (20%) and masks all their pieces.</p><p>Move the sliders and re-roll: the shares "
                  "measured over thousands of chunks stay on their targets.</p>");
    case Split:
        return tr("<p>The course trains on 10,000 chunks and evaluates on 1,000 (train_test_split with seed "
                  "42). The evaluation chunks are masked once, so perplexity does not jitter between "
                  "evaluations. Set the sizes in the Dataset panel.</p>");
    case Model:
        return tr("<p>The course adapts distilbert-base-uncased: 6 layers, 66,985,530 parameters, pretrained on "
                  "books and Wikipedia. Get it from the Hugging Face Hub (268 MB, kept in the cache Python shares), "
                  "give a folder or a repo id in the Project panel, or train a new model from scratch.</p><p>The "
                  "demo adapts MaskLab's own small DistilBERT instead: 4 layers of 128 (4,812,986 parameters, "
                  "10 MB), pretrained with MaskLab on 20 public-domain novels, with the same bert-base-uncased "
                  "tokenizer.</p>");
    case Train:
        return tr("<p>AdamW with a linear schedule, weight decay on weights but not on biases and LayerNorm, "
                  "gradient clipping at 1.0; perplexity is measured before training and after each epoch. Start "
                  "the run: the window stays usable, Pause and Stop keep a checkpoint, Resume continues it.</p>");
    case Watch:
        return tr("<p>Perplexity is exp(mean cross entropy) on the masked evaluation chunks. The course goes "
                  "from about 21.75 to 11.3 with DistilBERT; the demo's small model starts near 290 on the "
                  "reviews and falls to about 60 in two minutes on a CPU. Zoom and pan the charts, compare runs, export PNG, SVG or CSV.</p>");
    case FillMask:
        return tr("<p>Ask both models to fill “This is a great [MASK].” Before adaptation DistilBERT answers "
                  "deal, success, adventure; after it, movie, film, story. The demo's model moves the same "
                  "way, from thing, man, deal to film, movie, story. The probes below the charts were re-scored at "
                  "every evaluation, so you can see when the answer shifted.</p>");
    default: return {};
    }
}

QString CoursePanel::action(Step step) const
{
    switch (step) {
    case Data: return tr("Use the built-in demo");
    case Train: return tr("Start training");
    case FillMask: return tr("Open Fill-mask");
    default: return tr("Show me");
    }
}

QString CoursePanel::panelOf(Step step) const
{
    switch (step) {
    case Data:
    case Browse:
    case Split: return QStringLiteral("dataset");
    case Chunk: return QStringLiteral("chunks");
    case Mask: return QStringLiteral("masks");
    case Model: return QStringLiteral("project");
    case Train: return QStringLiteral("training");
    case Watch: return QStringLiteral("charts");
    case FillMask: return QStringLiteral("fillmask");
    default: return {};
    }
}

void CoursePanel::showStep(int step)
{
    if (step < 0 || step >= StepCount) return;
    m_text->setHtml(text(Step(step)));
    m_do->setText(action(Step(step)));
    m_imdb->setVisible(step == Data);
    m_getImdb->setVisible(step == Data);
    m_getImdb->setEnabled(m_online);
    m_getModel->setVisible(step == Data || step == Model);
    m_getModel->setEnabled(m_online);
    m_network->setVisible(step == Data || step == Model);
    m_next->setEnabled(step + 1 < StepCount);
}

void CoursePanel::doStep()
{
    const auto step = Step(m_steps->currentRow());
    if (step == Data && !m_workbench->isLoading()) m_workbench->loadDemo();
    if (step == Browse) markDone(Browse);
    if (step == Split) markDone(Split);
    if (step == Train && !m_workbench->isTraining()) m_workbench->startTraining();
    emit showPanel(panelOf(step));
}

void CoursePanel::markDone(Step step)
{
    if (m_done[step]) return;
    m_done[step] = true;
    showTick(step);
    QStringList done;
    for (int s = 0; s < StepCount; ++s)
        if (m_done[s]) done << QString::number(s);
    QSettings progress(progressFile(), QSettings::IniFormat);
    progress.setValue(QStringLiteral("course/done"), done);
}

void CoursePanel::showTick(Step step)
{
    // No-break spaces: a title that wraps takes its tick along with its last word.
    m_steps->item(step)->setText(QStringLiteral("%1. %2\u00a0\u00a0✓").arg(step + 1).arg(title(step)));
    fitStepList();
}

void CoursePanel::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fitStepList();
}

void CoursePanel::fitStepList()
{
    // The list's width is the panel's less its margins, known before the list is laid out.
    const QMargins margins = layout()->contentsMargins();
    const int width = this->width() - margins.left() - margins.right() - 2 * m_steps->frameWidth();
    if (width <= 0) return;
    QStyleOptionViewItem option;
    option.initFrom(m_steps->viewport());
    option.font = m_steps->font();
    option.features = QStyleOptionViewItem::WrapText;
    option.rect = QRect(0, 0, width, 1);  // a valid rectangle: the style wraps the text to its width
    int height = 2 * m_steps->frameWidth();
    for (int row = 0; row < m_steps->count(); ++row) {
        // The delegate answers with an item's own size hint when it has one: drop the hint fitted
        // to the last width (or to the title before its tick) so the text is measured again.
        m_steps->item(row)->setData(Qt::SizeHintRole, QVariant());
        const QSize size = m_steps->itemDelegate()->sizeHint(option, m_steps->model()->index(row, 0));
        m_steps->item(row)->setSizeHint(QSize(width, size.height()));
        height += size.height();
    }
    m_steps->setFixedHeight(height);
}

}  // namespace masklab::ui
