#include "main_window.h"

#include <QLabel>
#include <QStatusBar>

namespace masklab::ui {

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("MaskLab"));
    auto* steps = new QLabel(
        tr("<h2>MaskLab</h2>"
           "<p>Adapt a masked language model to your domain, step by step:</p>"
           "<ol><li>Model</li><li>Tokenizer</li><li>Corpus</li><li>Chunks</li>"
           "<li>Masks</li><li>Training</li><li>Fill-mask</li></ol>"
           "<p>The data pipeline runs from the command line today: <tt>masklab-cli --help</tt>.</p>"),
        this);
    steps->setMargin(24);
    steps->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    setCentralWidget(steps);
    statusBar()->showMessage(tr("Ready"));
    resize(720, 480);
}

}  // namespace masklab::ui
